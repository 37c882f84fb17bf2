import DeskTUI

/// Text padded to `width` terminal columns, at least one space after it: a Japanese label takes two columns a
/// character, so `String.padding` (which counts characters) would break the columns of a Japanese listing.
func column(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
}

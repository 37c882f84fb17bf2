import DeskDomain

/// A widget that draws in the console's language, handed to it with the rest of its props.
protocol Translated {
    var language: Language { get }
}

extension Translated {
    func t(_ s: UIText) -> String { s.text(language) }
}

import ArgumentParser
import DeskDomain

/// The language of this process's messages: `--lang` as typed, else the locale's (`Entry.language`). Known before the
/// options are parsed, so `validate()`, warnings and helpers without the options say things as the answers do.
enum MessageLanguage {
    static let current: Language = Entry.language(Entry.rawArguments())
}

/// `en` or `ja`, whichever this process speaks.
func say(_ en: String, _ ja: String) -> String { MessageLanguage.current == .ja ? ja : en }

/// A case id as typed, or a usage error that shows its form.
func parseCaseID(_ text: String) throws -> CaseID {
    guard let id = CaseID(text) else {
        throw ValidationError(say("not a case id: \(Sanitizer.visible(text)) (like C-000012)",
                                  "案件番号ではありません: \(Sanitizer.visible(text)) (C-000012 の形です)"))
    }
    return id
}

/// The usage error for a `--format` this command does not write.
func formatError(_ allowed: String) -> ValidationError {
    ValidationError(say("--format must be \(allowed)", "--format は \(allowed.replacingOccurrences(of: " or ", with: " か ")) です"))
}

/// The warning after an erasure whose old copies another process still holds in the journal.
func warnWALRetained() {
    warn(say("recorded; old copies stay in the WAL until every terminal releases it (mado retries on its next write or exit)",
             "記録しました。古い写しは、すべての端末が手放すまでジャーナル (WAL) に残ります (mado は次の書き込みか終了時に再試行します)"))
}

import DeskDomain

extension Language {
    /// The language the locale's name asks for (LC_ALL, then LC_MESSAGES, then LANG), installed or not: `ja_JP.UTF-8`
    /// is Japanese even on a server without that locale.
    static func fromLocale(_ env: [String: String]) -> Language {
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? env["LANG"] ?? ""
        return locale.hasPrefix("ja") ? .ja : .en
    }
}

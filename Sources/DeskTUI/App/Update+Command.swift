import DeskDomain
import DeskApp

/// `:`: the command line, the long form of every key.
func openCommandLine(_ m: inout Model) -> [Command] {
    m.prompt = .command(TextField(limit: 200), candidates: [])
    return []
}

func commandKey(_ m: inout Model, _ field: TextField, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .commandLine) {
    // Not asked, as in vi and tig: a command line holds no work of its own, and Esc is how one leaves it.
    case .close?: m.prompt = nil
    case .complete?:
        let (line, candidates) = ConsoleCommand.complete(field.text, themes: Theme.builtinNames)
        m.prompt = .command(TextField(text: line, limit: field.limit), candidates: candidates)
    case .accept?:
        m.prompt = nil
        let line = field.text.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty else { return [] }
        switch ConsoleCommand.parse(line, themes: Theme.builtinNames) {
        case .failure(let problem):
            m.message = StatusMessage(text: problem.text(m.language), isError: true)
            return []
        case .success(let command): return run(&m, command)
        }
    default:
        var f = field
        // Backspace on an empty line leaves it, as in vi.
        if key == .backspace, f.text.isEmpty { m.prompt = nil; return [] }
        edit(&f, key)
        m.prompt = .command(f, candidates: [])
    }
    return []
}

private func run(_ m: inout Model, _ command: ConsoleCommand) -> [Command] {
    switch command {
    case .action(let a): return perform(&m, a)
    case .language(let lang):
        m.language = lang
        m.message = StatusMessage(text: m.t(.languageSwitched), isError: false)
        return []
    case .theme(let name): return [.setTheme(name)]
    }
}

/// Esc or Ctrl-C in a field: closes it when nothing is typed, else asks before the text is dropped.
func leave(_ m: inout Model, _ field: TextField, from prompt: Prompt) -> [Command] {
    if field.isBlank { return cancelled(&m) }
    m.prompt = .discard(prompt)
    return []
}

/// y drops what was typed, back to where Esc leads from an empty field; No (or Esc again) goes back to the text.
func discardKey(_ m: inout Model, _ back: Prompt, _ key: Key) -> [Command] {
    guard KeyMap.action(for: key, in: .confirm) == .confirm else { m.prompt = back; return [] }
    _ = cancelled(&m)
    switch back {
    case .consult(let c): m.prompt = c.returnTo
    case .shiftNote: m.prompt = .shiftBoard(scroll: 0)
    default: break
    }
    return []
}

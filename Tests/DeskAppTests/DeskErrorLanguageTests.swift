import DeskApp
import DeskDomain
import Testing

/// Refusals in the reader's language: what the console and the CLI show.
@Suite("refusals translated")
struct DeskErrorLanguageTests {
    @Test("every action a role may be refused reads in Japanese, naming the roles that may", arguments: DeskAction.allCases)
    func notAllowed(_ a: DeskAction) {
        let role = Role.allCases.first { !RoleMatrix.roles(for: a).contains($0) } ?? .auditor
        let ja = DeskError.notAllowed(a, role: role).message(.ja)
        #expect(ja.matches(of: /[A-Za-z]{3,}/).isEmpty, "\(a): \(ja)")
        #expect(ja.hasPrefix(role.label.ja + "は") && ja.contains("できません"), "\(a): \(ja)")
        #expect(DeskError.notAllowed(a, role: role).message(.en) == DeskError.notAllowed(a, role: role).description)
    }

    @Test("a refusal of the case reads in the language through any front end's one function")
    func throughAnyError() {
        let e: any Error = DeskError.decided(.wrongState(command: CaseIntent.startReview.name, status: .closed))
        #expect(humanMessage(e, .ja) == "確認を開始できません: 案件は「完了」です")
        #expect(humanMessage(e, .en) == "cannot start review: the case is closed")
        #expect(humanMessage(AppendError.duplicateSubmission(existing: CaseID(number: 7)), .ja) == "この申出はすでに案件 C-000007 として受け付けています")
    }
}

/// The letter that chooses each action in the `s` menu, shown beside it. Fixed, so hands learn them: never j or k
/// (they move the cursor) nor g or q; the lanes take digits.
extension MenuAction {
    public var letter: Character {
        switch self {
        case .startReview: "r"
        case .assess: "a"
        case .classifyHarassment: "h"
        case .classifyLegitimate: "l"
        case .draftReport: "d"
        case .approveReport: "p"
        case .report: "s"
        case .decisionNoFeedback: "o"
        case .decisionWithFeedback: "w"
        case .feedbackPhone: "t"
        case .feedbackEmail: "m"
        case .enquiry: "i"
        case .enquiryEmail: "e"
        case .close: "c"
        case .rejectAsThreat: "x"
        case .policeReportDone: "u"
        case .notifyOrganizationDone: "n"
        case .escalatePolice: "v"
        case .escalateLawyer: "b"
        case .escalateHeadquarters: "f"
        case .laneDanger: "1"
        case .laneHandover: "2"
        case .laneComplaint: "3"
        }
    }

    /// The action a letter chooses.
    static func chosen(by key: Key) -> MenuAction? {
        guard case .char(let c) = key else { return nil }
        return allCases.first { $0.letter == c }
    }
}

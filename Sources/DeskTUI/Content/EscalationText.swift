import DeskDomain
import DeskApp

/// The escalation pane's lines: the lane and its policy, holds, escalations, the police ladder and what the user may
/// do now. Laid out when the case or the language changes, not per frame.
enum EscalationText {
    /// An action offered on the case: its key and label, and why it is refused (nil: allowed).
    struct Offer {
        var label: String
        var refusal: String?
    }

    static func lines(_ detail: CaseDetail?, state: CaseState?, danger: Bool, offers: [Offer], language: Language,
                      keys: KeyTable = .standard) -> [PaneLine] {
        let t = { (s: UIText) in s.text(language) }
        guard let d = detail else { return [PaneLine(t(.selectCase), .muted)] }
        var lines: [PaneLine] = []
        var handover: HandedOver?
        var escalations: [String] = []
        for e in d.events {
            if case .handedOver(let h) = e.event { handover = h }
            if case .escalated(let x) = e.event {
                escalations.append("\(Clock.short(e.recordedAt)) \(x.target.label(language)) (\(Sanitizer.visible(e.actor.user)))")
            }
        }
        let lane = Words.lane(d.summary.lane, language)
        // The policy's choice in words: the facts its rule looks for, the scripts read aloud, the leaflet handed over.
        lines.append(PaneLine("\(t(.lanePolicy)): \(lane)" + (handover.map { "  (\(t(.policyTable)) \(policyName($0.policyVersion, language)))" } ?? ""),
                              d.summary.lane == .danger ? .danger : .normal))
        if let h = handover {
            lines.append(PaneLine("  \(t(.ruleReason)): " + d.policy.ruleReason(h.rule, language)))
            for id in h.scripts {
                lines.append(PaneLine("  \(t(.scriptRead)): " + (d.policy.script(id).map { "「\($0.text(language))」" } ?? t(.nothing)), .muted))
            }
            lines.append(PaneLine("  \(t(.leafletGiven)): " + d.policy.leafletTitle(h.leaflet, organization: nil, language: language), .muted))
        }
        lines.append(PaneLine("\(t(.hold)): \(d.summary.hold.map { $0.label(language) } ?? t(.nothing))", d.summary.hold == nil ? .normal : .warning))
        lines.append(PaneLine("\(t(.escalations)): \(escalations.isEmpty ? t(.nothing) : escalations.joined(separator: ", "))"))
        lines.append(PaneLine(""))
        lines += ladder(state?.ladder ?? LadderProgress(), danger: danger, language: language, keys: keys)
        lines.append(PaneLine(""))
        lines.append(PaneLine(t(.actions) + ":", .header))
        for o in offers {
            lines.append(o.refusal.map { PaneLine("  " + o.label + "  — \(t(.notAllowed)): " + $0, .muted) } ?? PaneLine("  " + o.label))
        }
        return lines
    }

    /// The policy the hand-over was decided by, in words: the events record `id/version`, an id people never chose to read.
    static func policyName(_ tag: String, _ language: Language) -> String {
        let parts = tag.split(separator: "/", maxSplits: 1).map(String.init)
        let version = parts.count > 1 ? parts[1] : "?"
        let standard = parts.first == PolicyTable.standard.id
        return language == .ja ? (standard ? "標準" : "組織独自") + " 第\(version)版"
            : (standard ? "standard" : "the organization's own") + ", version \(version)"
    }

    /// The police ladder's steps, ticked, with the next one pointed at.
    static func ladder(_ ladder: LadderProgress, danger: Bool, language: Language, keys: KeyTable = .standard) -> [PaneLine] {
        let t = { (s: UIText) in s.text(language) }
        var lines = [PaneLine(t(.ladder) + ":", .header)]
        if danger && ladder.times(.call110) == 0 { lines.append(PaneLine("  " + t(.ladderDanger), .danger)) }
        let next = ladder.next(danger: danger)
        for (i, step) in LadderStep.allCases.enumerated() {
            let n = ladder.times(step)
            let label = step.label(language)
            lines.append(PaneLine("  \(ladder.checkbox(step)) \(i + 1) \(label)" + (step == next ? "   <- \(t(.ladderNext)) (\(keys.keyName(.ladderStep)))" : ""),
                                  step == next ? (step == .call110 ? .danger : .warning) : (n > 0 ? .normal : .muted)))
        }
        return lines
    }
}

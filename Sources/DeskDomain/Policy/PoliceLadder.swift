/// The police ladder of the Tokyo common manual: end the response → ask to stop (2-3 times) → order to
/// leave (2-3 times) → final warning → call 110. A weapon or a threat to life skips straight to 110.
// Stored format: the raw values are written to the log. Never rename one.
public enum LadderStep: String, Codable, Sendable, CaseIterable {
    case endResponse, askToStop, orderToLeave, finalWarning, call110

    /// How many times the step may be taken.
    public var maxTimes: Int {
        switch self {
        case .askToStop, .orderToLeave: 3
        default: 1
        }
    }

    public var label: (ja: String, en: String) {
        switch self {
        case .endResponse: ("対応を終了する旨を伝える", "tell them the response has ended")
        case .askToStop: ("行為をやめるよう求める", "ask them to stop")
        case .orderToLeave: ("退去を命じる", "order them to leave")
        case .finalWarning: ("最終警告 (警察に通報します)", "final warning (we will call the police)")
        case .call110: ("110番通報", "call 110")
        }
    }
}

/// Where a case stands on the ladder, folded from its `ladderStepTaken` events.
public struct LadderProgress: Hashable, Sendable {
    // One small count per step, in the value itself: every case of a replay carries one, most of them empty.
    private var endResponse: UInt8 = 0, askToStop: UInt8 = 0, orderToLeave: UInt8 = 0, finalWarning: UInt8 = 0, call110: UInt8 = 0

    public init() {}

    public func times(_ s: LadderStep) -> Int {
        switch s {
        case .endResponse: Int(endResponse)
        case .askToStop: Int(askToStop)
        case .orderToLeave: Int(orderToLeave)
        case .finalWarning: Int(finalWarning)
        case .call110: Int(call110)
        }
    }

    /// One more time at `s` (the decider allows at most three).
    public mutating func record(_ s: LadderStep) {
        func up(_ v: inout UInt8) { if v < .max { v += 1 } }
        switch s {
        case .endResponse: up(&endResponse)
        case .askToStop: up(&askToStop)
        case .orderToLeave: up(&orderToLeave)
        case .finalWarning: up(&finalWarning)
        case .call110: up(&call110)
        }
    }

    /// `[ ]`, `[x]`, or `[2/3]` for steps that may be repeated.
    public func checkbox(_ s: LadderStep) -> String {
        let n = times(s)
        return n == 0 ? "[ ]" : (s.maxTimes > 1 ? "[\(n)/\(s.maxTimes)]" : "[x]")
    }

    /// Why `step` may not be taken now (nil: it may). Danger skips straight to 110.
    public func refusal(_ step: LadderStep, danger: Bool) -> String? {
        if times(.call110) > 0 { return "110 has already been called" }
        if times(step) >= step.maxTimes { return "\(step.rawValue) was already taken \(times(step)) time(s)" }
        if step == .call110 && danger { return nil }
        switch step {
        case .endResponse: return nil
        case .askToStop: return times(.endResponse) > 0 ? nil : "first tell them the response has ended"
        case .orderToLeave: return times(.askToStop) > 0 ? nil : "first ask them to stop"
        case .finalWarning: return times(.orderToLeave) > 0 ? nil : "first order them to leave"
        case .call110: return times(.finalWarning) > 0 ? nil : "first give the final warning (or record a weapon or a threat to life: danger lane)"
        }
    }

    /// The next step the ladder suggests.
    public func next(danger: Bool) -> LadderStep? {
        if danger { return times(.call110) > 0 ? nil : .call110 }
        for s in LadderStep.allCases where times(s) == 0 && refusal(s, danger: false) == nil { return s }
        for s in [LadderStep.orderToLeave, .askToStop] where refusal(s, danger: false) == nil && times(.finalWarning) == 0 {
            return s
        }
        return nil
    }
}

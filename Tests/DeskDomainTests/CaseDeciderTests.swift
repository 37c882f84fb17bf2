import Foundation
import DeskDomain
import Testing

/// Given events → when command (by a role) → then events, or the refusal.
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    let given: [DeskEvent]
    let when: CaseCommand
    let then: Result<[DeskEvent], DecideError>
    var testDescription: String { name }
}

/// Sample values for the scenarios.
enum Sample {
    static let applicant = SubjectID("s-0000000000000001")
    static let hold = LegalHoldPlaced(kind: .policeReport, reason: "被害届 第123号")
    static let liftReason = LegalHoldLifted(reason: "捜査が終結した")
    static let counterparty = SubjectID("s-00000000000000c1")
    static let otherCounterparty = SubjectID("s-00000000000000c2")

    static func personal(_ text: String, owner: SubjectID = applicant) -> Personal { Personal(text, owner: owner) }
    static func text(_ t: String) -> CaseText { CaseText(text: personal(t)) }

    static let intake = IntakeRecorded(
        organization: "demo-hotel", branch: "新宿", channel: .webForm, occurredAt: "2026-10-01T14:30:00+09:00",
        language: .ja, applicant: Applicant(subject: applicant, anonymous: true),
        staff: [NamedStaff(subject: SubjectID("s-00000000000000a1"), name: personal("佐藤", owner: SubjectID("s-00000000000000a1")))],
        complaint: personal("フロントで長時間待たされた"), feedbackWanted: false)

    static var namedIntake: IntakeRecorded {
        var i = intake
        i.applicant = Applicant(subject: applicant, anonymous: false, name: personal("山田太郎"))
        return i
    }
    static var contactableIntake: IntakeRecorded {
        var i = intake
        i.applicant = Applicant(subject: applicant, anonymous: false, name: personal("山田太郎"), email: personal("taro@example.jp"))
        i.feedbackWanted = true
        return i
    }
    static var anonymousWithName: IntakeRecorded {
        var i = intake
        i.applicant = Applicant(subject: applicant, anonymous: true, name: personal("山田太郎"))
        return i
    }
    static var emptyComplaint: IntakeRecorded {
        var i = intake
        i.complaint = personal("")
        return i
    }
    static var lockedComplaint: IntakeRecorded {
        var i = intake
        i.complaint = Personal(subject: applicant, content: .locked)
        return i
    }

    static func facts(_ edit: (inout FactSheet) -> Void) -> FactSheet {
        var f = FactSheet()
        edit(&f)
        return f
    }
    static let apologyFacts = facts { $0.apologyDemand = true }
    static let threatFacts = facts { $0.threatToLifeOrArson = true }
    static let quietFacts = FactSheet()

    static let handoverLane = HandedOver(lane: .handover, rule: "kneeling-apology", policyVersion: "standard/2",
                                         behaviours: [.authority], scripts: ["refuse-kneeling-apology", "handover-to-desk"],
                                         leaflet: "desk-leaflet", actions: [.secondStaff, .preserveEvidence], answers: apologyFacts)
    static let assessment = Assessed(validity: .invalid, means: .unacceptable, behaviours: [.authority],
                                     reason: personal("土下座を三度求めた"), opinion: personal("謝罪要求は過剰"))
    static let politeAssessment = Assessed(validity: .valid, means: .acceptable, behaviours: [], reason: personal("穏当な指摘"))
    static let harassment = Classified(classification: .harassment, reason: personal("手段が不相当"))
    static let escalation = Escalated(target: .lawyer, reason: personal("繰り返しの要求"))
    static let report = Reported(sentTo: "総務部")
    static let closing = Closed(outcome: "報告済み、終了")
    static let statement = StatementRecorded(speaker: .applicant, text: personal("土下座しろ"), verbatim: true)
    static let link = CounterpartyLinked(counterparty: counterparty,
                                         label: personal("60代男性、常連", owner: counterparty))

    // Histories, each one step further along.
    static let atIntake: [DeskEvent] = [.intakeRecorded(intake)]
    static let withFacts: [DeskEvent] = atIntake + [.factsRecorded(apologyFacts)]
    static let handedOver: [DeskEvent] = withFacts + [.handedOver(handoverLane)]
    static let underReview: [DeskEvent] = handedOver + [.reviewStarted]
    static let assessed: [DeskEvent] = underReview + [.assessed(assessment)]
    static let draft = ReportDrafted(includeName: false, includeContact: false, opinion: personal("手段が不相当、対応の打切りを勧める"))
    static func draftBy(_ user: String) -> ReportDrafted {
        var d = draft
        d.draftedBy = user
        return d
    }
    static let classified: [DeskEvent] = assessed + [.classified(harassment)]
    static let drafted: [DeskEvent] = classified + [.reportDrafted(draft)]
    static let approved: [DeskEvent] = drafted + [.reportApproved(ReportApproved(draft: drafted.count))]
    static let reported: [DeskEvent] = approved + [.reported(report)]
    static let decidedWithFeedback: [DeskEvent] = reported
        + [.organizationDecided(OrganizationDecided(decision: personal("対応を打ち切る"), feedback: true))]
    static let escalated: [DeskEvent] = underReview + [.escalated(escalation)]
    static let closed: [DeskEvent] = reported + [.closed(closing)]
    static let rejected: [DeskEvent] = atIntake + [.rejectedAsThreat(text("殺すと言った"))]
    static let linked: [DeskEvent] = atIntake + [.counterpartyLinked(link)]
    static let assigned: [DeskEvent] = handedOver + [.caseAssigned(CaseAssigned(assignee: "suzuki"))]
}

@Suite("Case decider")
struct CaseDeciderTests {
    typealias S = Sample

    static func ok(_ name: String, given: [DeskEvent], when: CaseCommand, then events: [DeskEvent]) -> Scenario {
        Scenario(name: name, given: given, when: when, then: .success(events))
    }
    static func refused(_ name: String, given: [DeskEvent], when: CaseCommand, _ error: DecideError) -> Scenario {
        Scenario(name: name, given: given, when: when, then: .failure(error))
    }

    static let scenarios: [Scenario] = [
        // record intake
        ok("an intake opens a case", given: [], when: .recordIntake(S.intake), then: [.intakeRecorded(S.intake)]),
        ok("a named applicant may be recorded", given: [], when: .recordIntake(S.namedIntake),
           then: [.intakeRecorded(S.namedIntake)]),
        refused("a second intake on the same case is refused", given: S.atIntake, when: .recordIntake(S.intake),
                .alreadyExists),
        refused("an anonymous applicant with a name is invalid", given: [], when: .recordIntake(S.anonymousWithName),
                .invalid(field: "applicant.name", reason: "an anonymous applicant has no name")),
        refused("an intake without complaint text is refused", given: [], when: .recordIntake(S.emptyComplaint),
                .missing(command: "record intake", what: "the complaint")),
        refused("an intake whose complaint cannot be read is refused", given: [], when: .recordIntake(S.lockedComplaint),
                .missing(command: "record intake", what: "the complaint")),

        // record facts
        ok("facts are recorded at intake", given: S.atIntake, when: .recordFacts(S.apologyFacts),
           then: [.factsRecorded(S.apologyFacts)]),
        ok("recording identical facts twice changes nothing", given: S.withFacts, when: .recordFacts(S.apologyFacts),
           then: []),
        ok("recording different facts records them again", given: S.withFacts, when: .recordFacts(S.threatFacts),
           then: [.factsRecorded(S.threatFacts)]),
        ok("facts may be corrected under review", given: S.underReview, when: .recordFacts(S.threatFacts), then: [.factsRecorded(S.threatFacts)]),
        ok("24 hours spent is still a possible fact", given: S.atIntake,
           when: .recordFacts(S.facts { $0.minutesSpent = 1440 }), then: [.factsRecorded(S.facts { $0.minutesSpent = 1440 })]),
        refused("negative minutes are invalid", given: S.atIntake, when: .recordFacts(S.facts { $0.minutesSpent = -1 }),
                .invalid(field: "minutesSpent", reason: "0 to 1440")),
        refused("more than a day of minutes is invalid", given: S.atIntake,
                when: .recordFacts(S.facts { $0.minutesSpent = 1441 }), .invalid(field: "minutesSpent", reason: "0 to 1440")),
        refused("more than 10000 earlier contacts is invalid", given: S.atIntake,
                when: .recordFacts(S.facts { $0.earlierContacts = 10_001 }),
                .invalid(field: "earlierContacts", reason: "0 to 10000")),
        refused("facts cannot change after the report", given: S.reported, when: .recordFacts(S.threatFacts), .wrongState(command: "record facts", status: .reported)),
        refused("facts need a case", given: [], when: .recordFacts(S.apologyFacts), .noSuchCase),

        // record statement
        ok("a statement is recorded on an open case", given: S.handedOver, when: .recordStatement(S.statement),
           then: [.statementRecorded(S.statement)]),
        refused("a statement without words is refused", given: S.atIntake,
                when: .recordStatement(StatementRecorded(speaker: .staff, text: S.personal(""), verbatim: false)),
                .missing(command: "record statement", what: "the words")),
        refused("no statement on a closed case", given: S.closed, when: .recordStatement(S.statement),
                .wrongState(command: "record statement", status: .closed)),

        // link counterparty
        ok("a counterparty is linked", given: S.atIntake, when: .linkCounterparty(S.link), then: [.counterpartyLinked(S.link)]),
        ok("linking the same counterparty twice changes nothing", given: S.linked, when: .linkCounterparty(S.link), then: []),
        ok("a second counterparty may be linked", given: S.linked,
           when: .linkCounterparty(CounterpartyLinked(counterparty: S.otherCounterparty,
                                                      label: S.personal("同伴者", owner: S.otherCounterparty))),
           then: [.counterpartyLinked(CounterpartyLinked(counterparty: S.otherCounterparty,
                                                         label: S.personal("同伴者", owner: S.otherCounterparty)))]),
        refused("no counterparty on a case rejected as a threat", given: S.rejected, when: .linkCounterparty(S.link),
                .wrongState(command: "link counterparty", status: .rejectedThreat)),

        // hand over
        ok("a case with facts is handed over along the policy's lane", given: S.withFacts, when: .handOver,
           then: [.handedOver(S.handoverLane)]),
        refused("a hand-over needs the facts first", given: S.atIntake, when: .handOver,
                .missing(command: "hand over", what: "record the facts")),
        refused("a second hand-over is refused", given: S.handedOver, when: .handOver,
                .wrongState(command: "hand over", status: .handedOver)),
        refused("a hand-over needs a case", given: [], when: .handOver, .noSuchCase),

        // start review
        ok("an operator starts the review of a handed-over case", given: S.handedOver, when: .startReview, then: [.reviewStarted]),
        ok("a review may start straight from intake", given: S.atIntake, when: .startReview,
           then: [.reviewStarted]),
        refused("a review does not start twice", given: S.underReview, when: .startReview,
                .wrongState(command: "start review", status: .underReview)),

        // assess
        ok("a case under review is assessed", given: S.underReview, when: .assess(S.assessment),
           then: [.assessed(S.assessment)]),
        ok("an escalated case may be assessed", given: S.escalated, when: .assess(S.assessment),
           then: [.assessed(S.assessment)]),
        refused("an assessment needs a review", given: S.handedOver, when: .assess(S.assessment),
                .wrongState(command: "assess", status: .handedOver)),

        // escalate
        ok("a supervisor escalates a case under review", given: S.underReview, when: .escalate(S.escalation), then: [.escalated(S.escalation)]),
        ok("a case rejected as a threat may still go to the police", given: S.rejected,
           when: .escalate(Escalated(target: .police, reason: S.personal("脅迫"))),
           then: [.escalated(Escalated(target: .police, reason: S.personal("脅迫")))]),
        refused("a case at intake is handed over before it is escalated", given: S.atIntake,
                when: .escalate(S.escalation), .wrongState(command: "escalate", status: .intake)),
        refused("a closed case is not escalated", given: S.closed, when: .escalate(S.escalation),
                .wrongState(command: "escalate", status: .closed)),

        // report
        ok("an approved draft is reported by the operator who sends it", given: S.approved, when: .report(S.report), then: [.reported(S.report)]),
        refused("a report before the review is refused", given: S.handedOver, when: .report(S.report), .wrongState(command: "report", status: .handedOver)),
        refused("a report without a draft is refused", given: S.classified, when: .report(S.report), .missing(command: "report", what: "draft the report")),
        refused("an unapproved draft is not sent", given: S.drafted, when: .report(S.report),
                .missing(command: "report", what: "a supervisor's approval of the latest draft")),
        refused("a draft written after the approval needs approving again", given: S.approved + [.reportDrafted(S.draft)],
                when: .report(S.report),
                .missing(command: "report", what: "a supervisor's approval of the latest draft")),
        refused("a report needs a recipient", given: S.approved, when: .report(Reported(sentTo: " ")),
                .missing(command: "report", what: "the recipient")),
        // drafting and approving
        ok("an operator drafts the report of an assessed case; the draft names who wrote it", given: S.assessed,
           when: .draftReport(S.draft), then: [.reportDrafted(S.draftBy("tanaka"))]),
        refused("a draft before the assessment is refused", given: S.underReview, when: .draftReport(S.draft),
                .missing(command: "draft the report", what: "assess the case")),
        refused("a draft needs the desk's opinion", given: S.assessed,
                when: .draftReport(ReportDrafted(includeName: false, includeContact: false, opinion: S.personal(" "))), .missing(command: "draft the report", what: "the desk's opinion and advice")),
        refused("an anonymous applicant's name cannot be included", given: S.assessed,
                when: .draftReport(ReportDrafted(includeName: true, includeContact: false, opinion: S.personal("意見"))), .invalid(field: "includeName", reason: "the applicant is anonymous or gave no name")),
        refused("contact details the applicant never gave cannot be included", given: S.assessed,
                when: .draftReport(ReportDrafted(includeName: false, includeContact: true, opinion: S.personal("意見"))), .invalid(field: "includeContact", reason: "the applicant left no phone or e-mail")),
        ok("a supervisor approves the latest draft", given: S.drafted, when: .approveReport,
           then: [.reportApproved(ReportApproved(draft: S.drafted.count))]),
        refused("approval needs the classification", given: S.assessed + [.reportDrafted(S.draft)], when: .approveReport, .missing(command: "approve the report", what: "classify the case")),
        refused("approval needs a draft", given: S.classified, when: .approveReport,
                .missing(command: "approve the report", what: "draft the report")),
        refused("the same draft is not approved twice", given: S.approved, when: .approveReport,
                .invalid(field: "report", reason: "the latest draft is already approved")),
        // the organization's decision and feedback
        ok("the organization's decision is recorded after the report", given: S.reported,
           when: .recordDecision(OrganizationDecided(decision: S.personal("対応を打ち切る"), feedback: false)),
           then: [.organizationDecided(OrganizationDecided(decision: S.personal("対応を打ち切る"), feedback: false))]),
        refused("no decision before the report", given: S.approved,
                when: .recordDecision(OrganizationDecided(decision: S.personal("打切り"), feedback: false)),
                .missing(command: "record the organization's decision", what: "report the case to the organization")),
        refused("no feedback before the organization's decision", given: S.reported,
                when: .giveFeedback(FeedbackGiven(channel: .phone, text: S.personal("結果をお伝えした"))),
                .missing(command: "give feedback to the applicant", what: "the organization's decision")),
        refused("no feedback when the organization decided against it", given: S.reported
                    + [.organizationDecided(OrganizationDecided(decision: S.personal("打切り"), feedback: false))],
                when: .giveFeedback(FeedbackGiven(channel: .phone, text: S.personal("結果をお伝えした"))),
                .invalid(field: "feedback", reason: "the organization decided the applicant is not to be contacted")),
        ok("feedback after the organization decided it was needed", given: [.intakeRecorded(S.contactableIntake)]
                + S.decidedWithFeedback.dropFirst(),
           when: .giveFeedback(FeedbackGiven(channel: .email, text: S.personal("結果をお伝えした"))),
           then: [.feedbackGiven(FeedbackGiven(channel: .email, text: S.personal("結果をお伝えした")))]),
        ok("a named applicant's name and contact go into the draft when they agreed",
           given: [.intakeRecorded(S.contactableIntake)] + S.assessed.dropFirst(),
           when: .draftReport(ReportDrafted(includeName: true, includeContact: true, opinion: S.personal("意見"))),
           then: [.reportDrafted(ReportDrafted(includeName: true, includeContact: true, opinion: S.personal("意見"), draftedBy: "tanaka"))]),
        refused("a supervisor does not approve their own draft", given: S.classified + [.reportDrafted(S.draftBy("tanaka"))],
                when: .approveReport, .invalid(field: "report", reason: "you drafted it; another supervisor approves it")),
        refused("no feedback to an applicant who did not ask for it", given: S.decidedWithFeedback,
                when: .giveFeedback(FeedbackGiven(channel: .phone, text: S.personal("結果をお伝えした"))),
                .invalid(field: "feedback", reason: "the applicant did not ask for feedback")),
        refused("no feedback by phone to an applicant who left only an e-mail address",
                given: [.intakeRecorded(S.contactableIntake)] + S.decidedWithFeedback.dropFirst(),
                when: .giveFeedback(FeedbackGiven(channel: .phone, text: S.personal("結果をお伝えした"))),
                .invalid(field: "channel", reason: "the applicant left no phone number")),
        refused("feedback goes by phone or e-mail, not at the counter",
                given: [.intakeRecorded(S.contactableIntake)] + S.decidedWithFeedback.dropFirst(),
                when: .giveFeedback(FeedbackGiven(channel: .counter, text: S.personal("結果をお伝えした"))),
                .invalid(field: "channel", reason: "feedback goes by phone or e-mail")),
        refused("no decision on a closed case", given: S.closed,
                when: .recordDecision(OrganizationDecided(decision: S.personal("打切り"), feedback: false)),
                .wrongState(command: "record the organization's decision", status: .closed)),
        refused("a close outcome stays one clear line", given: S.reported, when: .close(Closed(outcome: "山田様に\n電話")), .invalid(field: "outcome", reason: "1-500 printable characters on one line, no personal data")),
        refused("a change after the approval needs approving again",
                given: S.approved + [.assessed(S.assessment)], when: .report(S.report),
                .missing(command: "report", what: "a supervisor's approval of the latest draft")),
        ok("a reported case is closed", given: S.reported, when: .close(S.closing),
           then: [.closed(S.closing)]),
        ok("a case rejected as a threat is closed", given: S.rejected, when: .close(S.closing),
           then: [.closed(S.closing)]),
        refused("a case under review is not closed", given: S.underReview, when: .close(S.closing),
                .wrongState(command: "close", status: .underReview)),
        refused("a case is not closed twice", given: S.closed, when: .close(S.closing),
                .wrongState(command: "close", status: .closed)),
        refused("closing needs an outcome", given: S.reported, when: .close(Closed(outcome: "")),
                .missing(command: "close", what: "the outcome")),

        // reject as threat
        ok("an operator rejects a threatening case", given: S.atIntake, when: .rejectAsThreat(S.text("殺すと言った")), then: [.rejectedAsThreat(S.text("殺すと言った")), .taskOpened(TaskOpened(kind: .policeReport)),
                                   .taskOpened(TaskOpened(kind: .notifyOrganization))]),
        ok("a rejection's police report is done with its reference", given: S.rejected + [.taskOpened(TaskOpened(kind: .policeReport))],
           when: .completeTask(TaskDone(kind: .policeReport, reference: "新宿署 受理番号 123")),
           then: [.taskDone(TaskDone(kind: .policeReport, reference: "新宿署 受理番号 123"))]),
        ok("a task a rejection did not open can be opened", given: S.rejected, when: .openTask(.policeReport),
           then: [.taskOpened(TaskOpened(kind: .policeReport))]),
        refused("a task is open only once", given: S.rejected + [.taskOpened(TaskOpened(kind: .policeReport))],
                when: .openTask(.policeReport),
                .invalid(field: "task", reason: "the case already has an open policeReport task")),
        refused("a task that is not open cannot be done", given: S.rejected,
                when: .completeTask(TaskDone(kind: .policeReport, reference: "x")),
                .invalid(field: "task", reason: "the case has no open policeReport task")),
        refused("a rejection needs a reason", given: S.atIntake, when: .rejectAsThreat(S.text("")),
                .missing(command: "reject as threat", what: "the reason")),
        refused("a reported case is not rejected", given: S.reported, when: .rejectAsThreat(S.text("脅迫")), .wrongState(command: "reject as threat", status: .reported)),

        // log enquiry
        ok("an enquiry is logged with the fixed answer", given: S.handedOver, when: .logEnquiry(.phone),
           then: [.enquiryLogged(EnquiryLogged(channel: .phone, answeredWith: "no-progress-answers"))]),
        ok("enquiries about a rejected case are still logged", given: S.rejected, when: .logEnquiry(.counter),
           then: [.enquiryLogged(EnquiryLogged(channel: .counter))]),
        refused("no enquiry on a closed case", given: S.closed, when: .logEnquiry(.phone),
                .wrongState(command: "log enquiry", status: .closed)),

        // add note
        ok("staff add a note", given: S.atIntake, when: .addNote(S.text("電話あり")), then: [.noteAdded(S.text("電話あり"))]),
        ok("a supervisor may do what staff do", given: S.handedOver, when: .addNote(S.text("確認済み")),
           then: [.noteAdded(S.text("確認済み"))]),
        refused("an empty note is refused", given: S.atIntake, when: .addNote(S.text("")),
                .missing(command: "add note", what: "the note")),
        refused("a note needs a case", given: [], when: .addNote(S.text("メモ")), .noSuchCase),

        // assign
        ok("an operator takes a case", given: S.handedOver, when: .assign("tanaka"),
           then: [.caseAssigned(CaseAssigned(assignee: "tanaka"))]),
        ok("a supervisor assigns a case to an operator", given: S.handedOver, when: .assign("suzuki"),
           then: [.caseAssigned(CaseAssigned(assignee: "suzuki"))]),
        ok("assigning to the same assignee changes nothing", given: S.assigned, when: .assign("suzuki"),
           then: []),
        ok("a case is reassigned", given: S.assigned, when: .assign("tanaka"),
           then: [.caseAssigned(CaseAssigned(assignee: "tanaka"))]),
        refused("a closed case is not assigned", given: S.closed, when: .assign("tanaka"),
                .wrongState(command: "assign", status: .closed)),

        refused("an assessment needs a written reason", given: S.underReview,
                when: .assess(Assessed(validity: .unclear, means: .criminal, behaviours: [], reason: S.personal("  "))), .missing(command: "assess", what: "the reason")),

        // classify: the supervisor's decision, after the desk's assessment
        ok("a supervisor classifies an assessed case", given: S.assessed, when: .classify(S.harassment),
           then: [.classified(S.harassment)]),
        refused("a classification needs an assessment", given: S.underReview, when: .classify(S.harassment),
                .missing(command: "classify", what: "assess the case")),
        refused("harassment with acceptable means contradicts the two-axis definition",
                given: S.underReview + [.assessed(S.politeAssessment)], when: .classify(S.harassment),
                .invalid(field: "classification", reason: "harassment means the means were not acceptable; the assessment says they were")),
        refused("classifying the same way again is refused, so a new reason is never dropped silently",
                given: S.assessed + [.classified(S.harassment)], when: .classify(S.harassment),
                .invalid(field: "classification", reason: "the case is already classified as harassment")),
        refused("a case classified as harassment is not re-assessed into acceptable means",
                given: S.assessed + [.classified(S.harassment)], when: .assess(S.politeAssessment),
                .invalid(field: "means", reason: "the case is classified as harassment; a supervisor must classify it again first")),

        // override the policy's lane: supervisor, reason, its own event
        ok("a supervisor moves a case to the danger lane", given: S.handedOver, when: .overrideLane(.danger, reason: S.personal("刃物を持っていたと後で判明")), then: [.laneOverridden(LaneOverridden(from: .handover, to: .danger, reason: S.personal("刃物を持っていたと後で判明")))]),
        refused("an override needs a reason", given: S.handedOver, when: .overrideLane(.complaint, reason: S.personal("")), .missing(command: "override the lane", what: "the reason")),
        refused("an override to the same lane is refused", given: S.handedOver, when: .overrideLane(.handover, reason: S.personal("同じ")), .invalid(field: "lane", reason: "the case is already in the handover lane")),
        refused("a case not yet handed over has no lane to override", given: S.withFacts,
                when: .overrideLane(.danger, reason: S.personal("危険")), .wrongState(command: "override the lane", status: .intake)),

        // police ladder (ordering in PoliceLadderTests)
        ok("a clerk tells them the response has ended", given: S.atIntake, when: .takeLadderStep(.endResponse),
           then: [.ladderStepTaken(LadderStepTaken(step: .endResponse))]),
        refused("a closed case takes no ladder step", given: S.closed, when: .takeLadderStep(.endResponse),
                .wrongState(command: "take a police-ladder step", status: .closed)),

        // legal hold
        ok("a supervisor puts a closed case on hold", given: S.closed, when: .placeHold(S.hold),
           then: [.legalHoldPlaced(S.hold)]),
        refused("a held case is not held twice", given: S.closed + [.legalHoldPlaced(S.hold)], when: .placeHold(S.hold), .invalid(field: "hold", reason: "the case is already on hold (policeReport)")),
        ok("a supervisor lifts a hold", given: S.closed + [.legalHoldPlaced(S.hold)], when: .liftHold(S.liftReason), then: [.legalHoldLifted(S.liftReason)]),
        refused("a hold that was never placed is not lifted", given: S.closed, when: .liftHold(S.liftReason), .missing(command: "lift the legal hold", what: "place a hold")),
    ]

    @Test("given these events, when a command is issued, then these events or this refusal", arguments: CaseDeciderTests.scenarios)
    func decide(_ s: Scenario) {
        let state = s.given.reduce(CaseState.initial, CaseState.evolve)
        let ctx = DecisionContext(actor: "tanaka")
        #expect(Result { () throws(DecideError) in try CaseDecider.decide(s.when, state, ctx) } == s.then)
    }

    @Test("every command has a scenario that succeeds and one that is refused")
    func everyCommandCovered() {
        func names(_ wanted: (Scenario) -> Bool) -> Set<String> {
            Set(Self.scenarios.filter(wanted).map(\.when.name))
        }
        let all: Set<String> = ["record intake", "record facts", "record statement", "link counterparty", "hand over",
                                "start review", "assess", "escalate", "report", "close", "reject as threat",
                                "log enquiry", "add note", "assign", "place a legal hold", "lift the legal hold",
                                "take a police-ladder step", "classify", "override the lane", "draft the report",
                                "approve the report", "record the organization's decision", "give feedback to the applicant",
                                "complete a task", "open a task"]
        let succeeding = names { if case .success(let e) = $0.then { !e.isEmpty } else { false } }
        let refused = names { if case .failure = $0.then { true } else { false } }
        #expect(succeeding == all)
        #expect(refused == all)
    }

    // MARK: roles

    @Test("roles include those below them on the desk's line only")
    func roleIncludes() {
        let expected: Set<String> = [
            "staff>staff", "operator>operator", "supervisor>supervisor", "counsellor>counsellor", "auditor>auditor",
            "operator>staff", "supervisor>staff", "supervisor>operator",
        ]
        var actual: Set<String> = []
        for a in Role.allCases {
            for b in Role.allCases where a.includes(b) { actual.insert("\(a.rawValue)>\(b.rawValue)") }
        }
        #expect(actual == expected)
    }

    @Test("a refusal never echoes free text")
    func refusalDescriptions() {
        #expect(DecideError.wrongState(command: "hand over", status: .handedOver).description
            == "cannot hand over: the case is handed over")
        #expect(DecideError.missing(command: "hand over", what: "record the facts").description
            == "cannot hand over: record the facts first")
    }

    // MARK: hand-over lanes

    func handOver(_ facts: FactSheet, policy: PolicyTable = .standard) throws -> HandedOver {
        let state = (Sample.atIntake + [.factsRecorded(facts)]).reduce(CaseState.initial, CaseState.evolve)
        let events = try CaseDecider.decide(.handOver, state, DecisionContext(actor: "tanaka", policy: policy))
        guard events.count == 1, case .handedOver(let h) = events[0] else {
            Issue.record("expected one handedOver event, got \(events)")
            return HandedOver(lane: .complaint, rule: "", policyVersion: "", behaviours: [], scripts: [], leaflet: "")
        }
        return h
    }

    @Test("a threat to life goes to the danger lane")
    func threatIsDanger() throws {
        let h = try handOver(Sample.threatFacts)
        #expect(h.lane == .danger)
        #expect(h.rule == "danger")
        #expect(h.scripts == ["danger-stop"] && h.actions.first == .call110)
        #expect(h.policyVersion == "standard/2")
        #expect(h.behaviours == [.intimidation])
    }

    @Test("an apology demand goes to the hand-over lane")
    func apologyIsHandover() throws {
        let h = try handOver(Sample.apologyFacts)
        #expect(h == Sample.handoverLane)
    }

    @Test("a case with no facts flagged is an ordinary complaint")
    func nothingIsComplaint() throws {
        let h = try handOver(Sample.quietFacts)
        #expect(h.lane == .complaint)
        #expect(h.rule == "ordinary-complaint")
        #expect(h.scripts == ["complaint-remedy"] && h.actions.isEmpty)
        #expect(h.behaviours.isEmpty)
    }

    @Test("thirty minutes spent is the threshold for suspecting harassment")
    func minutesThreshold() throws {
        #expect(try handOver(Sample.facts { $0.minutesSpent = 29 }).lane == .complaint)
        let h = try handOver(Sample.facts { $0.minutesSpent = 30 })
        #expect(h.lane == .handover)
        #expect(h.behaviours == [.timeRestraint])
        #expect(try handOver(Sample.facts { $0.earlierContacts = 2 }).lane == .complaint)
        #expect(try handOver(Sample.facts { $0.earlierContacts = 3 }).behaviours == [.repeatContact])
    }

    @Test("the hand-over lists every behaviour type indicated, once each, and the most urgent lane wins")
    func behavioursListed() throws {
        let h = try handOver(Sample.facts {
            $0.weaponOrPhysicalContact = true
            $0.refusesToLeave = true
            $0.minutesSpent = 45
            $0.earlierContacts = 3
            $0.reviewOrMediaThreat = true
            $0.sexualRemarksOrFollowing = true
        })
        #expect(h.lane == .danger)
        #expect(h.rule == "danger")
        #expect(h.behaviours == [.violence, .timeRestraint, .repeatContact, .sexualHarassment, .intimidation])
    }

    @Test("every yes/no fact on its own routes past the ordinary complaint lane")
    func everyFlagRoutes() throws {
        for fact in FactName.allCases where fact != .minutesSpent && fact != .earlierContacts {
            var f = FactSheet()
            switch fact {
            case .weaponOrPhysicalContact: f.weaponOrPhysicalContact = true
            case .threatToLifeOrArson: f.threatToLifeOrArson = true
            case .refusesToLeave: f.refusesToLeave = true
            case .apologyDemand: f.apologyDemand = true
            case .demandAboutEmployee: f.demandAboutEmployee = true
            case .sexualRemarksOrFollowing: f.sexualRemarksOrFollowing = true
            case .filmingOrPosting: f.filmingOrPosting = true
            case .discriminatoryRemarks: f.discriminatoryRemarks = true
            case .excessiveMoneyDemand: f.excessiveMoneyDemand = true
            case .offSiteSummons: f.offSiteSummons = true
            case .reviewOrMediaThreat: f.reviewOrMediaThreat = true
            case .shoutingOrAbuse: f.shoutingOrAbuse = true
            case .minutesSpent, .earlierContacts: continue
            }
            let h = try handOver(f)
            #expect(h.lane != .complaint, "\(fact)")
            #expect(h.behaviours == [fact.behaviour], "\(fact)")
        }
    }

    @Test("the policy in the decision context, not the clerk, picks the lane")
    func customPolicy() throws {
        var strict = PolicyTable.standard
        strict.id = "strict"
        strict.version = "7"
        strict.rules = [
            PolicyRule(id: "any-apology", anyOf: [FactCondition(.apologyDemand)], lane: .danger,
                       scripts: ["danger-stop"], leaflet: "strict-leaflet", actions: [.call110]),
            PolicyRule(id: "rest", anyOf: [], lane: .complaint, scripts: ["complaint-remedy"], leaflet: "strict-leaflet"),
        ]
        let h = try handOver(Sample.apologyFacts, policy: strict)
        #expect(h.lane == .danger)
        #expect(h.rule == "any-apology")
        #expect(h.policyVersion == "strict/7")
        #expect(h.leaflet == "strict-leaflet")
    }

    // MARK: state

    @Test("the state folds the case's events")
    func evolve() {
        let s = (Sample.reported + [.caseAssigned(CaseAssigned(assignee: "suzuki"))] + Sample.linked.dropFirst())
            .reduce(CaseState.initial, CaseState.evolve)
        #expect(s.status == .reported)
        #expect(s.organization == "demo-hotel")
        #expect(s.applicant == Sample.applicant)
        #expect(s.lane == .handover)
        #expect(s.facts == Sample.apologyFacts)
        #expect(s.assessed)
        #expect(s.assignee == "suzuki")
        #expect(s.counterparties == [Sample.counterparty])
        #expect(s.eventCount == Sample.reported.count + 2)
        #expect(!CaseState.initial.exists)
        #expect(Sample.escalated.reduce(CaseState.initial, CaseState.evolve).escalations == [.lawyer])
    }
}

@Suite("counterparty standing")
struct CounterpartyDeciderTests {
    static let today = LocalDate(2026, 11, 25)
    static let party = SubjectID("s-00000000000000c1")
    static func change(_ s: Standing, _ until: LocalDate?, _ reason: String = "退去命令に従わない") -> StandingSet {
        StandingSet(standing: s, until: until, reason: Personal(reason, owner: party))
    }

    @Test("a supervisor bans until a day; it lapses after that day")
    func ban() throws {
        let c = Self.change(.banned, LocalDate(2027, 3, 31))
        #expect(try CounterpartyDecider.decide(c, today: Self.today) == [.standingSet(c)])
        #expect(c.effective(on: LocalDate(2027, 3, 31)) == .banned && c.effective(on: LocalDate(2027, 4, 1)) == .none)
    }

    @Test("refusals: reason, day past or too far, lifting with a day", arguments: [
        (change(.warned, LocalDate(2027, 1, 1), " "), "the reason"),
        (change(.warned, LocalDate(2026, 11, 24)), "2026-11-24 is already past"),
        (change(.banned, LocalDate(2031, 1, 1)), "at most 1098 days ahead"),
        (change(.banned, nil), "a warning or ban needs its last day"),
        (change(.none, LocalDate(2027, 1, 1)), "lifting a standing takes no end date"),
    ])
    func refusals(_ c: StandingSet, _ message: String) {
        do {
            _ = try CounterpartyDecider.decide(c, today: Self.today)
            Issue.record("not refused")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}

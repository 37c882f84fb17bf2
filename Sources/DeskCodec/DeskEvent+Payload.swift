import DeskDomain
import Foundation

extension DeskEvent {
    // Stored format: a payload's shape change raises its type's schema here; the old shape stays readable as a legacy
    // payload (`Legacy/`) upcast in `decode`. Never lower one.
    /// The schema this event's payload is written at.
    public var schemaVersion: Int {
        switch self {
        case .factsRecorded, .handedOver, .assessed: 2
        case .intakeRecorded, .statementRecorded, .counterpartyLinked, .reviewStarted, .classified, .laneOverridden,
             .escalated, .reported, .closed, .rejectedAsThreat, .enquiryLogged, .noteAdded, .applicantAdded, .caseAssigned, .legalHoldPlaced,
             .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet, .reportDrafted, .reportApproved, .organizationDecided, .feedbackGiven,
             .taskOpened, .taskDone, .organizationRegistered, .retentionSet, .policyAdopted, .staffAdded, .staffRemoved,
             .shiftStarted, .shiftEnded, .consultationOpened, .careTaskOpened, .careTaskDone, .consultationLinked,
             .consultationNoted, .consultationClosed, .restrictedAccess, .subjectErased, .subjectExported, .standingSet,
             .checkpointSigned: 1
        }
    }

    private struct Empty: Codable {}

    /// Writes payloads with the log's own JSON writer (`PayloadJSON`).
    private struct PayloadEncoding {
        let sealer: any FieldSealer
        let type: String
        func encode<T: Encodable>(_ value: T) throws -> Data { try PayloadJSON.encode(value, sealer: sealer, eventType: type) }
    }

    /// The JSON payload, keys in declaration order. Personal fields are sealed by the `FieldSealer` passed in.
    public func encodePayload(sealer: any FieldSealer) throws -> Data {
        let e = PayloadEncoding(sealer: sealer, type: type)
        switch self {
        case .intakeRecorded(let p): return try e.encode(p)
        case .factsRecorded(let p): return try e.encode(p)
        case .statementRecorded(let p): return try e.encode(p)
        case .counterpartyLinked(let p): return try e.encode(p)
        case .handedOver(let p): return try e.encode(p)
        case .reviewStarted: return try e.encode(Empty())
        case .assessed(let p): return try e.encode(p)
        case .classified(let p): return try e.encode(p)
        case .laneOverridden(let p): return try e.encode(p)
        case .escalated(let p): return try e.encode(p)
        case .reported(let p): return try e.encode(p)
        case .closed(let p): return try e.encode(p)
        case .rejectedAsThreat(let p): return try e.encode(p)
        case .enquiryLogged(let p): return try e.encode(p)
        case .noteAdded(let p): return try e.encode(p)
        case .applicantAdded(let p): return try e.encode(p)
        case .caseAssigned(let p): return try e.encode(p)
        case .organizationRegistered(let p): return try e.encode(p)
        case .staffAdded(let p): return try e.encode(p)
        case .staffRemoved(let p): return try e.encode(p)
        case .subjectErased(let p): return try e.encode(p)
        case .legalHoldPlaced(let p): return try e.encode(p)
        case .legalHoldLifted(let p): return try e.encode(p)
        case .retentionSet(let p): return try e.encode(p)
        case .policyAdopted(let p): return try e.encode(p)
        case .subjectExported(let p): return try e.encode(p)
        case .ladderStepTaken(let p): return try e.encode(p)
        case .counterActionTaken(let p): return try e.encode(p)
        case .contactSet(let p): return try e.encode(p)
        case .standingSet(let p): return try e.encode(p)
        case .reportDrafted(let p): return try e.encode(p)
        case .reportApproved(let p): return try e.encode(p)
        case .organizationDecided(let p): return try e.encode(p)
        case .feedbackGiven(let p): return try e.encode(p)
        case .taskOpened(let p): return try e.encode(p)
        case .taskDone(let p): return try e.encode(p)
        case .shiftStarted(let p): return try e.encode(p)
        case .shiftEnded(let p): return try e.encode(p)
        case .consultationOpened(let p): return try e.encode(p)
        case .careTaskOpened(let p): return try e.encode(p)
        case .careTaskDone(let p): return try e.encode(p)
        case .checkpointSigned(let p): return try e.encode(p)
        case .consultationLinked(let p): return try e.encode(p)
        case .consultationNoted(let p): return try e.encode(p)
        case .consultationClosed(let p): return try e.encode(p)
        case .restrictedAccess(let p): return try e.encode(p)
        }
    }

    /// Decodes a stored payload at its schema; personal fields open through `sealer`, or come back `.locked` without one.
    /// A schema this mado never wrote for the type is refused.
    public static func decode(type: String, schemaVersion: Int, payload: Data,
                              sealer: (any FieldSealer)?) throws -> DeskEvent {
        func read<T: Decodable>(_ t: T.Type) throws -> T { try PayloadJSON.decode(t, from: payload, sealer: sealer, eventType: type) }
        func refused() -> EventDecodingError { .unknownSchema(type: type, schemaVersion: schemaVersion) }
        /// A type still at schema 1.
        func p<T: Decodable>(_ t: T.Type) throws -> T {
            guard schemaVersion == 1 else { throw refused() }
            return try read(t)
        }
        /// A type at schema 2: the current shape read as it is, or whatever schema 1 held, upcast.
        func p<Old: LegacyPayload>(upcasting old: Old.Type) throws -> Old.Current {
            switch schemaVersion {
            case 2: return try read(Old.Current.self)
            case 1: return try read(Old.self).upcast()
            default: throw refused()
            }
        }
        switch type {
        case "intakeRecorded": return .intakeRecorded(try p(IntakeRecorded.self))
        case "factsRecorded": return .factsRecorded(try p(upcasting: FactSheetV1.self))
        case "statementRecorded": return .statementRecorded(try p(StatementRecorded.self))
        case "counterpartyLinked": return .counterpartyLinked(try p(CounterpartyLinked.self))
        case "handedOver": return .handedOver(try p(upcasting: HandedOverV1.self))
        case "reviewStarted":
            guard schemaVersion == 1 else { throw refused() }  // no payload to read
            return .reviewStarted
        case "assessed": return .assessed(try p(upcasting: AssessedV1.self))
        case "classified": return .classified(try p(Classified.self))
        case "laneOverridden": return .laneOverridden(try p(LaneOverridden.self))
        case "escalated": return .escalated(try p(Escalated.self))
        case "reported": return .reported(try p(Reported.self))
        case "closed": return .closed(try p(Closed.self))
        case "rejectedAsThreat": return .rejectedAsThreat(try p(CaseText.self))
        case "enquiryLogged": return .enquiryLogged(try p(EnquiryLogged.self))
        case "noteAdded": return .noteAdded(try p(CaseText.self))
        case "applicantAdded": return .applicantAdded(try p(ApplicantAdded.self))
        case "caseAssigned": return .caseAssigned(try p(CaseAssigned.self))
        case "organizationRegistered": return .organizationRegistered(try p(OrganizationRegistered.self))
        case "staffAdded": return .staffAdded(try p(StaffAdded.self))
        case "staffRemoved": return .staffRemoved(try p(StaffRemoved.self))
        case "subjectErased": return .subjectErased(try p(SubjectErased.self))
        case "legalHoldPlaced": return .legalHoldPlaced(try p(LegalHoldPlaced.self))
        case "legalHoldLifted": return .legalHoldLifted(try p(LegalHoldLifted.self))
        case "retentionSet": return .retentionSet(try p(RetentionSet.self))
        case "policyAdopted": return .policyAdopted(try p(PolicyAdopted.self))
        case "subjectExported": return .subjectExported(try p(SubjectExported.self))
        case "ladderStepTaken": return .ladderStepTaken(try p(LadderStepTaken.self))
        case "counterActionTaken": return .counterActionTaken(try p(CounterActionTaken.self))
        case "contactSet": return .contactSet(try p(ContactSet.self))
        case "standingSet": return .standingSet(try p(StandingSet.self))
        case "reportDrafted": return .reportDrafted(try p(ReportDrafted.self))
        case "reportApproved": return .reportApproved(try p(ReportApproved.self))
        case "organizationDecided": return .organizationDecided(try p(OrganizationDecided.self))
        case "feedbackGiven": return .feedbackGiven(try p(FeedbackGiven.self))
        case "taskOpened": return .taskOpened(try p(TaskOpened.self))
        case "taskDone": return .taskDone(try p(TaskDone.self))
        case "shiftStarted": return .shiftStarted(try p(ShiftStarted.self))
        case "shiftEnded": return .shiftEnded(try p(ShiftEnded.self))
        case "consultationOpened": return .consultationOpened(try p(ConsultationOpened.self))
        case "careTaskOpened": return .careTaskOpened(try p(CareTaskOpened.self))
        case "careTaskDone": return .careTaskDone(try p(CareTaskDone.self))
        case "consultationLinked": return .consultationLinked(try p(ConsultationLinked.self))
        case "consultationNoted": return .consultationNoted(try p(ConsultationText.self))
        case "consultationClosed": return .consultationClosed(try p(ConsultationText.self))
        case "checkpointSigned": return .checkpointSigned(try p(SignedHead.self))
        case "restrictedAccess": return .restrictedAccess(try p(RestrictedAccess.self))
        default: throw EventDecodingError.unknownType(type)
        }
    }
}

// A writer process for the store's multi-process tests: appends batches to its own streams and
// single events to one shared stream (reloading and retrying on a conflict), as terminals do.
// usage: desk-test-writer DB PREFIX COUNT BATCH [--ack] | desk-test-writer DB --erase-all
// --ack: prints each of its own streams once its append has returned (was acknowledged), one per line.
import DeskApp
import DeskDomain
import DeskStore
import Foundation

let args = CommandLine.arguments
if args.count == 3, args[2] == "--erase-all" {
    // Erases every subject, one transaction each, until done or killed.
    do {
        let store = try SQLiteEventStore.open(path: args[1], requireKey: true)
        for s in try store.subjects(of: nil) where s.erasedAt == nil {
            _ = try store.erase(s.id, reason: "test", actor: Actor("tester"), at: Date())
        }
        store.close()
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("desk-test-writer: \(error)\n".utf8))
        exit(1)
    }
}
guard args.count == 5 || (args.count == 6 && args[5] == "--ack"), let count = Int(args[3]), let batch = Int(args[4]) else {
    FileHandle.standardError.write(Data("usage: desk-test-writer DB PREFIX COUNT BATCH [--ack]\n".utf8))
    exit(64)
}
let ack = args.count == 6
do {
    let store = try SQLiteEventStore.open(path: args[1], requireKey: true)
    // The desk's first supervisor writes, so that the log verifies like any desk's (each event allowed to its actor).
    let actor = Actor(try store.staffList().first { $0.role == .supervisor }?.user ?? "tester")
    let shared = StreamID("shared")
    for i in 0..<count {
        let owner = store.keyring.newSubject(.applicant)
        let events = (0..<batch).map { j in
            DeskEvent.noteAdded(CaseText(text: Personal("\(args[2]) \(i).\(j) 電話で長時間の苦情", owner: owner)))
        }
        try store.append(events, to: .stream(StreamID("\(args[2])-\(i)")), expected: .noStream, actor: actor, at: Date(),
                         newSubjects: [owner], evidence: [])
        if ack { FileHandle.standardOutput.write(Data("\(args[2])-\(i)\n".utf8)) }
        while true {
            let v = try store.version(of: shared)
            do {
                try store.append([.reviewStarted], to: .stream(shared), expected: v == 0 ? .noStream : .exact(StreamVersion(v)),
                                 actor: actor, at: Date(), newSubjects: [], evidence: [])
                break
            } catch AppendError.wrongExpectedVersion {
                continue
            }
        }
    }
    store.close()
} catch {
    FileHandle.standardError.write(Data("desk-test-writer: \(error)\n".utf8))
    exit(1)
}

import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the log: its hash chain, its signed checkpoints, and who recorded each event.",
            discussion: """
                Walks the hash chain, checks every checkpoint `mado anchor` signed, and replays the staff records: every \
                event must have been allowed to its actor by the role they held then. With --anchor (a line printed by \
                `mado anchor`, or a file holding one), the log must still hold that head: a log cut short or rewritten \
                since fails. --deep also rebuilds the read models aside and compares them with the live ones, checks \
                that every destroyed key has its erasure in the log, the append-only guards and the file itself (it \
                needs the key file). Needs no staff record. Exit 0 when everything holds, 65 when something does not.
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("A head signed by `mado anchor`: the line itself, or a file holding it.", valueName: "line-or-file"))
        var anchor: String?
        @Flag(help: "Also compare the read models with the log, and check the keys, the guards and the file.") var deep = false

        func validate() throws {
            if let anchor { _ = try Self.signedHead(anchor) }
        }

        /// The line given, or the last line of the file given that is one.
        static func signedHead(_ argument: String) throws -> SignedHead {
            if let h = SignedHead(line: argument) { return h }
            var isDir: ObjCBool = false
            if let data = try Privileges.asUser({ () -> Data? in
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDir), !isDir.boolValue else { return nil }
                return FileManager.default.contents(atPath: argument)
            }), data.count <= 1 << 20 {
                let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                if let h = lines.reversed().lazy.compactMap({ SignedHead(line: String($0)) }).first { return h }
            }
            throw ValidationError(say("--anchor must be a line printed by `mado anchor` (mado-anchor-v1 …), or a file holding one", "--anchor は `mado anchor` が出力した行 (mado-anchor-v1 …) か、それを含むファイルです"))
        }

        func run() throws {
            let desk = try store.desk(requireKey: deep)
            defer { desk.close() }
            let head = try anchor.map(Self.signedHead)
            let r = try desk.verify(anchor: head, deep: deep)
            if let bad = r.firstBad { warn(say("the log does not verify at position \(bad.position): \(bad.reason)", "記録は位置 \(bad.position) で検証できません: \(bad.reason)")) }
            for p in r.problems { warn(p) }
            guard r.isWhole else { throw ExitCode(65) }
            let ja = store.language == .ja
            print(ja ? "記録の連鎖を検証しました: \(r.events) 件" : "chain verified: \(r.events) events")
            if let newest = r.newestCheckpoint {
                print(ja ? "署名つきチェックポイント \(r.checkpoints) 件は有効です。最新のものは位置 \(newest.position) まで、\(StoredTime.display(newest.at)) に署名"
                         : "\(r.checkpoints) signed checkpoint(s) hold; the newest covers position \(newest.position), signed \(StoredTime.display(newest.at))")
            } else {
                print(ja ? "署名つきチェックポイントはまだありません (mado anchor で署名します)" : "no signed checkpoint yet (mado anchor signs the head)")
            }
            if let head {
                print(ja ? "\(StoredTime.display(head.at)) に署名したアンカーは有効です: 位置 \(head.position) は記録にあります"
                         : "the anchor signed \(StoredTime.display(head.at)) holds: position \(head.position) is in the log")
            }
            print(ja ? "すべての記録は、その役割に許された人が記録しています" : "every event was recorded by someone whose role allowed it")
            if deep {
                print(ja ? "詳細検査: 集計表、鍵、追記専用の保護、ファイルはすべて正常です"
                         : "deep check: the read models, the keys, the append-only guards and the file hold")
            }
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replay the log into new projections (queue, ledger, subjects, search) and swap them in.",
            discussion: """
                Verifies the log first and refuses one that does not verify (exit 65; nothing is changed). The desk keeps \
                working meanwhile: the replay goes in short batches that each hold the write lock for about 0.2 s, the new \
                tables take the old ones' place in one short transaction, and the journal's space is given back at the \
                end. Needs the key file: without it every personal field would be rebuilt as unreadable.
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            try SysExit.mapping {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                let r = try desk.rebuild()
                let ms = Int((r.longestHold * 1000).rounded(.up))
                print(store.language == .ja
                      ? "\(r.events) 件の記録から集計表を作り直しました (トランザクション \(r.transactions) 回、書き込みロックは 1 回最大 \(ms) ミリ秒)"
                      : "rebuilt the projections from \(r.events) events in \(r.transactions) transactions; "
                        + "the write lock was held at most \(ms) ms at a time")
                if !r.reclaimed {
                    warn(say("the journal (WAL) is not cut back yet: another terminal holds a read open; its next write or exit does it",
                             "ジャーナル (WAL) はまだ縮めていません: 別の端末が読み取り中です。その端末の次の書き込みか終了時に縮めます"))
                }
            }
        }
    }
}

import DeskDomain
import DeskApp
import Foundation

/// The runtime: feeds messages to `update`, runs its commands through the desk, draws `view`.
public final class Program {
    let desk: Desk
    let backend: Backend
    let watcher: (any LogWatcher)?
    public private(set) var model: Model
    private var previous: Screen?
    private var pending: [Msg] = []
    /// Finds a theme by name for `:theme` (the front end reads user themes with the user's own rights).
    public var loadTheme: (String) throws -> Theme = { try Theme.named($0) }
    /// Where leaflets go when the organization names no printer of its own (config, `MADO_PRINTER`); nil: `lp`'s default.
    let printer: String?
    /// Writes a leaflet file when the printer is a directory; the front end opens it with the user's own rights.
    let writeFile: @Sendable (String, Data) -> Bool

    public init(desk: Desk, backend: Backend, model: Model, watcher: (any LogWatcher)?, printer: String? = nil,
                writeFile: @escaping @Sendable (String, Data) -> Bool = { FileManager.default.createFile(atPath: $0, contents: $1) }) {
        self.printer = printer
        self.writeFile = writeFile
        self.desk = desk
        self.backend = backend
        self.model = model
        self.watcher = watcher
    }

    /// Why the console ended, for the exit status.
    public enum Ending: Equatable, Sendable {
        /// `q`, SIGTERM or SIGINT.
        case quit
        /// The terminal hung up: SIGHUP, end of file or POLLHUP.
        case hangUp
        /// The terminal failed (EIO): the front end exits with EX_IOERR.
        case terminalLost
    }

    /// Runs until the user quits, a signal arrives or the terminal goes away; the terminal is restored where it still
    /// exists and this console's presence is removed on every path.
    @discardableResult
    public func run() -> Ending {
        defer { backend.shutdown() }
        defer { try? desk.announce(pid: getpid(), showing: nil) }
        // The first screen shows the top of the queue at once; the whole queue loads right after it is drawn.
        load { .queueHeadLoaded(try desk.queueHead(limit: max(1, backend.size.height))) }
        var deferred: [Command] = [.loadQueue] + (model.roleRefusal(.runRetention) == nil ? [.loadRetention] : [])
            + (model.roleRefusal(.workShift) == nil ? [.loadShift(login: true)] : []) + openForRole(&model)
        var running = true
        var ending = Ending.quit
        var lastTick = Date.distantPast
        var drawn: Model?
        while running {
            while !pending.isEmpty {
                let msg = pending.removeFirst()
                for c in update(&model, msg) where !perform(c) { running = false }
            }
            guard running else { break }
            // Nothing changed, nothing to draw: an idle console costs no CPU and sends no bytes over SSH.
            if drawn != model || previous == nil {
                let screen = view(model)
                backend.draw(screen, previous: previous)
                previous = screen
                drawn = model
            }
            if !deferred.isEmpty {
                for c in deferred where !perform(c) { running = false }
                deferred = []
                continue
            }
            let event = backend.next(timeoutMs: 250)
            switch event {
            case .key(let k)?: pending.append(.keyPressed(k))
            case .paste(let s)?: pending.append(.pasted(s))
            case .resize(let s)?:
                previous = nil
                pending.append(.resized(s))
            case .terminate?: running = false
            case .hangUp?:
                running = false
                ending = .hangUp
            case .terminalLost?:
                running = false
                ending = .terminalLost
            case nil: break
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                pending.append(.tick(now))
                announcePresence(now)
            }
            if watcher?.poll() == true { pending.append(.logAdvanced) }
        }
        return ending
    }

    private var announced: (id: CaseID?, at: Date) = (nil, .distantPast)

    /// Tells the other consoles which case this one shows: when it changes (at most once a second, not per key)
    /// and every 30 seconds while it stays, so that a console that vanished drops out after the lifetime.
    private func announcePresence(_ now: Date) {
        let showing = model.detail?.summary.id
        guard showing != announced.id || now.timeIntervalSince(announced.at) >= 30 else { return }
        announced = (showing, now)
        try? desk.announce(pid: getpid(), showing: showing)
    }

    /// What the status line says about a failure: in the console's language where it has words for it (the write lock
    /// held too long, and by whom), else the error's own words in that language.
    private func failure(_ error: any Error) -> String {
        if case AppendError.busy(let holder) = error { return UIText.busyMessage(holder, model.language) }
        return humanMessage(error, model.language)
    }

    /// Once per refresh, not per row drawn. Without them the ids are shown: nothing to say on the status line.
    private func loadOrganizationNames() {
        if let names = try? desk.organizationNames() { pending.append(.organizationNamesLoaded(names)) }
    }

    private func load(_ read: () throws -> Msg) {
        do { pending.append(try read()) } catch { pending.append(.loadFailed(failure(error))) }
    }

    /// Runs one command; false means quit.
    @discardableResult
    private func perform(_ command: Command) -> Bool {
        switch command {
        case .quit:
            return false
        case .redraw:
            previous = nil
        case .setTheme(let name):
            do {
                backend.apply(try loadTheme(name))
                previous = nil
                pending.append(.themeChanged(name))
            } catch {
                pending.append(.loadFailed(failure(error)))
            }
        case .suspend:
            backend.suspend()
            previous = nil
            pending.append(.resized(backend.size))
        case .loadQueue:
            loadOrganizationNames()
            load {
                let q = try desk.queue()
                return .queueLoaded(q.rows, through: q.through)
            }
        case .loadChanges(let since):
            load {
                let c = try desk.casesChanged(after: since)
                // A case at an organization registered since the names were read: read them again.
                if c.rows.contains(where: { model.organizationNames[$0.organization] == nil }) { loadOrganizationNames() }
                return .queueChanged(c.rows, through: c.through)
            }
        case .search(let text):
            load { .searchLoaded(text, try desk.search(text)) }
        case .loadOrganizations:
            load { .organizationsLoaded(try desk.organizations()) }
        case .handOver(let report): handOver(report)
        case .printLeaflet(let id, let org, let text): printLeaflet(id, org, text)
        case .recordCounterActions(let id, let actions):
            do {
                let events = try desk.act(.recordCounterActions(actions), on: id)
                pending.append(.appended(id, types: events.map(\.type)))
            } catch {
                pending.append(.appendFailed(id, reason: failure(error)))
            }
        case .loadStaff(let id):
            load { .staffLoaded(id, try desk.staffList()) }
        case .loadSubjects(let id):
            load { .subjectsLoaded(id, try desk.subjects(of: id)) }
        case .loadErasureImpact(let subject):
            load { .erasureImpactLoaded(subject, try desk.erasureImpact(subject)) }
        case .erase(let subject, let reason):
            // The desk asks the role matrix with the role as it is now, not as it was when the console opened.
            do {
                pending.append(.erased(subject, try desk.erase(subject, reason: reason)))
            } catch {
                pending.append(.eraseFailed(subject, reason: failure(error)))
            }
        case .loadRetention: loadRetention()
        case .loadShift(let login):
            load {
                let onShift = try desk.isOnShift()
                let unseen = login && !onShift ? try desk.unseenHandovers() : []
                return .shiftLoaded(board: try desk.shiftBoard(), unseen: unseen, login: login)
            }
        case .startShift:
            load {
                // Started meanwhile in another console of the same person: that is what was asked.
                if try desk.isOnShift() { return .shiftChanged(started: true, unseen: []) }
                return .shiftChanged(started: true, unseen: try desk.startShift())
            }
        case .endShift(let note):
            load {
                try desk.endShift(note: note)
                return .shiftChanged(started: false, unseen: [])
            }
        case .loadConsultations:
            load { .consultationsLoaded(try desk.consultations()) }
        case .loadConsultation(let id):
            // The desk records the attempt, allowed or not, with the role as it is now.
            load { .consultationLoaded(id, try desk.consultation(id)) }
        case .consult(let id, let action):
            do {
                try desk.consult(action, on: id)
                pending.append(.consulted(id))
            } catch {
                pending.append(.loadFailed(failure(error)))
            }
        case .openConsultation(let request):
            do { pending.append(.consulted(try desk.openConsultation(request))) } catch { pending.append(.loadFailed(failure(error))) }
        case .loadViewers:
            load { .viewersLoaded(try desk.viewers(pid: getpid())) }
        case .loadMonthly(let org, let month):
            load {
                let t = try desk.monthlyTotalsNow(org, month: month)
                return .monthlyLoaded(t.totals, organizations: t.organizations)
            }
        case .loadDetail(let id):
            load { .detailLoaded(try desk.caseDetail(id)) }
        case .act(let id, let expected, let action): act(action, on: id, expected: expected)
        }
        return true
    }

    private func handOver(_ report: CounterReport) {
        do {
            let r = try desk.handOver(report)
            // The leaflet prints the organization's contact details (the desk's where it has none).
            let contact = (try? desk.contact(of: report.organization)) ?? ContactDetails()
            pending.append(.handedOver(r.id, r.decision, organization: r.organizationName, policy: r.policy,
                                       organizationID: report.organization, contact: contact, receipt: r.receipt))
        } catch {
            pending.append(.handOverFailed(failure(error)))
        }
    }

    /// The organization's printer if it set one (read now: it may have changed), else the console's.
    private func printLeaflet(_ id: CaseID, _ org: OrganizationID?, _ text: String) {
        let own = org.flatMap { try? desk.contact(of: $0).printer }
        let spooler = LeafletSpooler(destination: own ?? printer, writeFile: writeFile)
        pending.append(.leafletDelivered(spooler.deliver(text, caseID: id)))
    }

    /// Due by the end of this month: their period ends before the first day of the next.
    private func loadRetention() {
        let today = LocalDate(japanTime: Date())
        let next = today.month == 12 ? LocalDate(today.year + 1, 1, 1) : LocalDate(today.year, today.month + 1, 1)
        load { .retentionLoaded(try desk.retentionDue(by: next)) }
    }

    private func act(_ action: CaseAction, on id: CaseID, expected: StreamVersion) {
        do {
            let events = try desk.act(action, on: id, expected: expected)
            pending.append(.appended(id, types: events.map(\.type)))
        } catch AppendError.wrongExpectedVersion {
            pending.append(.appendConflicted(id))
        } catch {
            pending.append(.appendFailed(id, reason: failure(error)))
        }
    }
}

import DeskDomain
import DeskStore
import Foundation

/// The runtime: feeds messages to `update`, runs its commands against the store, draws `view`.
public final class Program {
    let store: SQLiteEventStore
    let backend: Backend
    let notifier: ChangeNotifier?
    public private(set) var model: Model
    private var previous: Screen?
    private var pending: [Msg] = []

    public init(store: SQLiteEventStore, backend: Backend, model: Model, notifier: ChangeNotifier?) {
        self.store = store
        self.backend = backend
        self.model = model
        self.notifier = notifier
    }

    /// Runs until the user quits or a signal arrives; the terminal is restored on every path.
    public func run() {
        defer { backend.shutdown() }
        defer { try? store.announce(user: model.me.user, pid: getpid(), showing: nil, at: Date()) }
        // The first screen shows the top of the queue at once; the whole queue loads right after it is drawn.
        load { .queueHeadLoaded(try store.queueHead(limit: max(1, backend.size.height), today: model.today)) }
        var deferred: [Command] = [.loadQueue] + (model.me.role == .supervisor ? [.loadRetention] : [])
            + ([.operator, .supervisor, .counsellor].contains(model.me.role) ? [.loadShift(login: true)] : [])
        var running = true
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
            case nil: break
            }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                pending.append(.tick(now))
                announcePresence(now)
            }
            if notifier?.poll() == true { pending.append(.logAdvanced) }
        }
    }

    private var announced: (id: CaseID?, at: Date) = (nil, .distantPast)

    /// Tells the other consoles which case this one shows: when it changes (at most once a second, not per key)
    /// and every 30 seconds while it stays, so that a console that vanished drops out after the lifetime.
    private func announcePresence(_ now: Date) {
        let showing = model.detail?.summary.id
        guard showing != announced.id || now.timeIntervalSince(announced.at) >= 30 else { return }
        announced = (showing, now)
        try? store.announce(user: model.me.user, pid: getpid(), showing: showing, at: now)
    }

    private func load(_ read: () throws -> Msg) {
        do { pending.append(try read()) } catch { pending.append(.loadFailed(String(describing: error))) }
    }

    /// Runs one command; false means quit.
    @discardableResult
    private func perform(_ command: Command) -> Bool {
        switch command {
        case .quit:
            return false
        case .redraw:
            previous = nil
        case .suspend:
            backend.suspend()
            previous = nil
            pending.append(.resized(backend.size))
        case .loadQueue:
            load {
                let q = try store.queueSnapshot()
                return .queueLoaded(q.rows, through: q.through)
            }
        case .loadChanges(let since):
            load {
                let c = try store.casesChanged(after: since)
                return .queueChanged(c.rows, through: c.through)
            }
        case .search(let text):
            load { .searchLoaded(text, try store.search(text)) }
        case .loadOrganizations:
            load { .organizationsLoaded(try store.organizations()) }
        case .handOver(let report):
            do {
                let r = try store.handOver(report, context: model.context, at: Date())
                pending.append(.handedOver(r.id, r.decision, organization: try store.organizationName(report.organization)
                                                                                ?? report.organization.rawValue, policy: r.policy))
            } catch {
                pending.append(.handOverFailed(String(describing: error)))
            }
        case .writeLeaflet(let id, let text):
            let path = FileManager.default.currentDirectoryPath + "/mado-leaflet-\(id).txt"
            if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
                pending.append(.leafletWritten(path))
            } else {
                pending.append(.loadFailed("cannot write \(Sanitizer.visible(path))"))
            }
        case .loadStaff(let id):
            load { .staffLoaded(id, try store.staffList()) }
        case .loadSubjects(let id):
            load { .subjectsLoaded(id, try store.subjects(case: id, role: model.me.role)) }
        case .loadErasureImpact(let subject):
            load { .erasureImpactLoaded(subject, try store.erasureImpact(subject)) }
        case .erase(let subject, let reason):
            do {
                // The role as it is now, not as it was when the console opened.
                let now = try store.staffMember(model.me.user)
                guard now.role == .supervisor else {
                    throw StoreError.notAllowed(action: "erase a person's data", role: now.role, needs: "supervisor")
                }
                let outcome = try store.eraseSubject(subject, reason: reason, actor: Actor(model.me.user), at: Date())
                pending.append(.erased(subject, outcome))
            } catch {
                pending.append(.eraseFailed(subject, reason: String(describing: error)))
            }
        case .loadRetention:
            // Due by the end of this month: their period ends before the first day of the next.
            let today = LocalDate(japanTime: Date())
            let next = today.month == 12 ? LocalDate(today.year + 1, 1, 1) : LocalDate(today.year, today.month + 1, 1)
            load { .retentionLoaded(try store.retentionDue(on: next)) }
        case .loadShift(let login):
            load {
                let me = model.me.user
                let onShift = try store.isOnShift(me)
                let unseen = login && !onShift ? try store.unseenHandovers(me, role: model.me.role) : []
                return .shiftLoaded(board: try store.shiftBoard(), unseen: unseen, login: login)
            }
        case .startShift:
            load {
                // Started meanwhile in another console of the same person: that is what was asked.
                if try store.isOnShift(model.me.user) { return .shiftChanged(started: true, unseen: []) }
                return .shiftChanged(started: true, unseen: try store.startShift(model.me.user, at: Date()))
            }
        case .endShift(let note):
            load {
                try store.endShift(model.me.user, note: note, at: Date())
                return .shiftChanged(started: false, unseen: [])
            }
        case .loadConsultations:
            load { .consultationsLoaded(try store.consultations(role: model.me.role)) }
        case .loadConsultation(let id):
            load {
                // The role as it is now: a counsellor removed since the console opened is refused (and recorded so).
                let now = try store.staffMember(model.me.user)
                return .consultationLoaded(id, try store.consultation(id, user: now.user, role: now.active ? now.role : .staff, at: Date()))
            }
        case .loadViewers:
            load { .viewersLoaded(try store.viewers(excluding: model.me.user, pid: getpid(), at: Date())) }
        case .loadMonthly(let org, let month):
            load {
                let orgs = try store.organizations()
                guard let id = org ?? orgs.first?.id else { return .loadFailed("no organization is registered yet (mado org add)") }
                let totals = try store.monthlyTotals(organization: id, month: month, asOf: LocalDate(japanTime: Date()))
                return .monthlyLoaded(totals, organizations: orgs)
            }
        case .loadDetail(let id):
            load { .detailLoaded(try store.caseDetail(id, role: model.me.role)) }
        case .execute(let id, let expected, let cmd):
            do {
                let events = try store.execute(cmd, on: id, context: model.context, at: Date(), expectedVersion: expected.value)
                pending.append(.appended(id, types: events.map(\.type)))
            } catch AppendError.wrongExpectedVersion {
                pending.append(.appendConflicted(id))
            } catch {
                pending.append(.appendFailed(id, reason: String(describing: error)))
            }
        }
        return true
    }
}

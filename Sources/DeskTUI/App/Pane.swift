/// The console's three panes, in Tab order (1 2 3).
public enum Pane: Int, CaseIterable, Sendable { case queue, detail, escalation }

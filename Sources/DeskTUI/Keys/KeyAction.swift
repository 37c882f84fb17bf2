/// Every named action a key can do. The status line, the help and the tests use these names.
public enum KeyAction: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom, nextPane, previousPane, focusQueue, focusDetail,
         focusEscalation, open, back, search, nextHit, previousHit, addNote, take, changeState, ladderStep, cycleLane, cycleOrganization, cycleState,
         toggleOverdue, toggleMine, clearFilter, openHelp, redraw, suspend, eraseSubject, showRetention, showMonthly, shift, consultations, assign, handOver, fixedScripts, commandLine, quit
}

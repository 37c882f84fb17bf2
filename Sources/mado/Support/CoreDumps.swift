import CProcess
import Foundation

/// Every `mado` process holds the desk key and decrypted names: it must never leave them in a core file, nor let
/// another process of the same user read its memory.
enum CoreDumps {
    /// `prctl(PR_SET_DUMPABLE, 0)`, set-id or not. Refuses to go on when the kernel says no.
    static func forbid() {
        guard mado_forbid_core_dumps() == 0 else {
            Output.standardError("mado: cannot turn core dumps off (prctl: \(String(cString: strerror(errno)))); not going on\n")
            exit(1)
        }
    }
}

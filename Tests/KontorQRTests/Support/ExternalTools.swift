import Foundation
import KontorTestTools

/// Checks for the reference tools. A missing tool is a test failure, not a skip: CI installs
/// them (`pip install segno`, `apt-get install -y zbar-tools`), and a silently skipped
/// reference test would hide regressions.
enum ExternalTools {
    static let segnoHint = "the segno reference needs python3 with segno: run `pip install segno`"
    static let zbarHint = "the round-trip test needs zbarimg: run `apt-get install -y zbar-tools`"

    static var hasSegno: Bool {
        guard let result = try? Subprocess.run("python3", ["-c", "import segno"]) else { return false }
        return result.status == 0
    }

    static var hasZbar: Bool {
        guard let result = try? Subprocess.run("zbarimg", ["--version"]) else { return false }
        return result.status == 0
    }
}

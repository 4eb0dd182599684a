import Foundation
import KontorCore
import ZIPFoundation

/// Reads the camt ZIP files German banks deliver (DFÜ-Abkommen Anlage 3): every `.xml` member, in archive order.
enum CamtArchive {
    static func parse(url: URL, file: String, progress: ProgressCounter) throws(StatementError)
        -> (statements: [BankStatement], warnings: [ParseWarning])
    {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw classify(error, file: file)
        }
        let raw: ZipMemberBytes
        do {
            raw = try ZipMemberBytes([UInt8](Data(contentsOf: url)))
        } catch let error as ZipMemberBytes.Malformed {
            throw .badArchive(file: file, detail: error.description)
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        return try read(archive, raw: raw, file: file, progress: progress)
    }

    static func parse(data: Data, file: String, progress: ProgressCounter) throws(StatementError)
        -> (statements: [BankStatement], warnings: [ParseWarning])
    {
        // ZIPFoundation's in-memory archive traps on a directory offset beyond the end of the data ("Range requires
        // lowerBound <= upperBound", found by fuzzing); its file-backed reader reports the same as an error. So the
        // bytes go to a temporary file first.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-\(UUID().uuidString).zip")
        do {
            try data.write(to: url)
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try parse(url: url, file: file, progress: progress)
    }

    private static func classify(_ error: any Error, file: String) -> StatementError {
        if let archiveError = error as? Archive.ArchiveError, archiveError == .missingEndOfCentralDirectoryRecord {
            return .truncated(file: file, line: nil, detail: "the ZIP directory at the end of the file is missing")
        }
        return .badArchive(file: file, detail: String(describing: error))
    }

    private static func read(_ archive: Archive, raw: ZipMemberBytes, file: String, progress: ProgressCounter)
        throws(StatementError)
        -> (statements: [BankStatement], warnings: [ParseWarning])
    {
        var statements: [BankStatement] = []
        var warnings: [ParseWarning] = []
        var xmlMembers = 0
        var members = 0
        var inflated = 0
        for member in archive {
            members += 1
            // ZIPFoundation lists the members in directory order, as `raw` does.
            guard members <= raw.members.count else {
                throw .badArchive(file: file, detail: "the ZIP directory does not match its own entry count")
            }
            guard members <= InputLimits.zipMembers else {
                throw .tooLarge(file: file, line: nil, limit: .archiveMembers(InputLimits.zipMembers))
            }
            guard member.type == .file else { continue }
            let name = member.path
            let base = name.split(separator: "/").last.map(String.init) ?? name
            if name.hasPrefix("__MACOSX/") || base.hasPrefix("._") { continue }
            let memberFile = file + "/" + name
            guard base.lowercased().hasSuffix(".xml") else {
                warnings.append(
                    ParseWarning(kind: .skippedArchiveMember, file: memberFile, line: nil))
                continue
            }
            xmlMembers += 1
            // The directory's sizes are checked before inflating, and the bytes while inflating, since a forged
            // directory may understate them: a ZIP bomb stops at the limit, not at the end of memory.
            let allowed = try allowedSize(of: member, inflatedSoFar: inflated, file: memberFile)
            var data = Data()
            do {
                let crc = try ZipMemberBytes.extract(raw.members[members - 1]) { chunk in
                    guard data.count + chunk.count <= allowed else { throw InflationLimit() }
                    data.append(chunk)
                }
                guard crc == member.checksum else { throw Archive.ArchiveError.invalidCRC32 }
            } catch is InflationLimit {
                throw .tooLarge(file: memberFile, line: nil, limit: limit(for: member, allowed: allowed))
            } catch {
                if let archiveError = error as? Archive.ArchiveError, archiveError == .invalidCRC32 {
                    throw .badArchive(file: memberFile, detail: "checksum mismatch")
                }
                throw .truncated(file: memberFile, line: nil, detail: "cannot extract: \(error)")
            }
            guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                throw .emptyFile(file: memberFile)
            }
            inflated += data.count
            var parsed = try CamtParser.parse(data: data, file: memberFile, progress: progress)
            let dfu = DFUFileName(name)
            for index in parsed.indices { parsed[index].dfuName = dfu }
            statements += parsed
        }
        guard xmlMembers > 0 else { throw .badArchive(file: file, detail: "the archive holds no XML file") }
        return (statements, warnings)
    }

    /// Thrown from the extraction callback when a member inflates beyond what it may.
    private struct InflationLimit: Error {}

    /// How many bytes `member` may inflate to: within the expansion ratio of its compressed size, the size of one
    /// camt document, and what is left of the archive's total.
    private static func allowedSize(of member: Entry, inflatedSoFar: Int, file: String) throws(StatementError) -> Int {
        let compressed = Int(clamping: member.compressedSize)
        let byRatio = max(compressed, 1) * InputLimits.zipExpansionRatio
        let allowed = min(byRatio, InputLimits.camtBytes, InputLimits.zipInflatedBytes - inflatedSoFar)
        guard Int(clamping: member.uncompressedSize) <= allowed else {
            throw .tooLarge(file: file, line: nil, limit: limit(for: member, allowed: allowed))
        }
        return allowed
    }

    /// The limit that `allowed` came from, for the error.
    private static func limit(for member: Entry, allowed: Int) -> InputLimit {
        let byRatio = max(Int(clamping: member.compressedSize), 1) * InputLimits.zipExpansionRatio
        if allowed == byRatio { return .expansionRatio(InputLimits.zipExpansionRatio) }
        return .bytes(allowed == InputLimits.camtBytes ? InputLimits.camtBytes : InputLimits.zipInflatedBytes)
    }
}

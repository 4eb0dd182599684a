import Foundation
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
        return try read(archive, file: file, progress: progress)
    }

    static func parse(data: Data, file: String, progress: ProgressCounter) throws(StatementError)
        -> (statements: [BankStatement], warnings: [ParseWarning])
    {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw classify(error, file: file)
        }
        return try read(archive, file: file, progress: progress)
    }

    private static func classify(_ error: any Error, file: String) -> StatementError {
        if let archiveError = error as? Archive.ArchiveError, archiveError == .missingEndOfCentralDirectoryRecord {
            return .truncated(file: file, line: nil, detail: "the ZIP directory at the end of the file is missing")
        }
        return .badArchive(file: file, detail: String(describing: error))
    }

    private static func read(_ archive: Archive, file: String, progress: ProgressCounter) throws(StatementError)
        -> (statements: [BankStatement], warnings: [ParseWarning])
    {
        var statements: [BankStatement] = []
        var warnings: [ParseWarning] = []
        var xmlMembers = 0
        for member in archive {
            guard member.type == .file else { continue }
            let name = member.path
            let base = name.split(separator: "/").last.map(String.init) ?? name
            if name.hasPrefix("__MACOSX/") || base.hasPrefix("._") { continue }
            let memberFile = file + "/" + name
            guard base.lowercased().hasSuffix(".xml") else {
                warnings.append(
                    ParseWarning(kind: .skippedArchiveMember, file: memberFile, line: nil, message: "not an XML file, skipped"))
                continue
            }
            xmlMembers += 1
            var data = Data()
            do {
                _ = try archive.extract(member) { chunk in data.append(chunk) }
            } catch {
                if let archiveError = error as? Archive.ArchiveError, archiveError == .invalidCRC32 {
                    throw .badArchive(file: memberFile, detail: "checksum mismatch")
                }
                throw .truncated(file: memberFile, line: nil, detail: "cannot extract: \(error)")
            }
            guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
                throw .emptyFile(file: memberFile)
            }
            var parsed = try CamtParser.parse(data: data, file: memberFile, progress: progress)
            let dfu = DFUFileName(name)
            for index in parsed.indices { parsed[index].dfuName = dfu }
            statements += parsed
        }
        guard xmlMembers > 0 else { throw .badArchive(file: file, detail: "the archive holds no XML file") }
        return (statements, warnings)
    }
}

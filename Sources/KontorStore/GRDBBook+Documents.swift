import Crypto
import GRDB
import KontorApp

extension GRDBBook {
    func keep(document: KeptDocument) throws {
        let hash = AuditChain.hex(SHA256.hash(data: document.data))
        // The same bytes of the same record are kept once, however often they are saved again.
        let known = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM auditDocument WHERE record = ? AND sha256 = ?)",
            arguments: [document.record, hash]) ?? false
        guard !known else { return }
        try db.execute(
            sql: "INSERT INTO auditDocument (record, fileName, sha256, size, bytes) VALUES (?, ?, ?, ?, ?)",
            arguments: [document.record, document.fileName, hash, document.data.count, document.data])
    }
}

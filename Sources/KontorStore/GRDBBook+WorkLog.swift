import GRDB
import KontorApp
import KontorCore

/// Work logged on jobs: hours (thousandths) and words per job and day.
extension GRDBBook {
    func workLogs(jobIds: Set<Int64>?) throws -> [WorkLog] {
        let select = "SELECT id, jobId, day, hours, words FROM workLog"
        let rows: [Row]
        if let jobIds {
            guard !jobIds.isEmpty else { return [] }
            rows = try Row.fetchAll(
                db, sql: "\(select) WHERE jobId IN (\(databaseQuestionMarks(count: jobIds.count))) ORDER BY day, id",
                arguments: StatementArguments(Array(jobIds)))
        } else {
            rows = try Row.fetchAll(db, sql: "\(select) ORDER BY day, id")
        }
        return try rows.map { row in
            WorkLog(id: row["id"], jobId: row["jobId"], day: try Convert.day(row["day"] as String),
                    hours: Quantity(thousandths: row["hours"]), words: row["words"])
        }
    }

    func insert(workLog: WorkLog) throws -> WorkLog {
        try db.execute(
            sql: "INSERT INTO workLog (jobId, day, hours, words) VALUES (?, ?, ?, ?)",
            arguments: [workLog.jobId, workLog.day.description, workLog.hours.thousandths, workLog.words])
        var stored = workLog
        stored.id = db.lastInsertedRowID
        return stored
    }
}

public import KontorCore

extension Kontor {
    /// The names of customers by id, for output a person reads ("Lindner Verlag", not "Customer 4"); unknown ids
    /// are left out.
    public func customerNames(ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        return try await store.read { try $0.customerNames(ids: ids) }
    }

    /// One customer's name, or "Customer 4" / "Kunde 4" if it is gone.
    public func customerName(id: Int64, language: Language = .en) async throws -> String {
        try await customerNames(ids: [id])[id] ?? (language == .de ? "Kunde \(id)" : "Customer \(id)")
    }
}

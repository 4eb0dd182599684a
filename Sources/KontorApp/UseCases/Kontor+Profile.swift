public import KontorCore
import KontorDocuments

extension Kontor {
    /// Creates the business profile (once).
    public func initialise(_ profile: BusinessProfile) async throws -> BusinessProfile {
        let profile = try profile.checkedInput()
        try DocumentFonts.requirePrintable(DocumentFonts.fields(of: profile))
        return try await store.write { book in
            guard try book.profile() == nil else { throw AppError.alreadyInitialised }
            try book.save(profile: profile)
            return profile
        }
    }

    /// The business profile.
    public func profile() async throws -> BusinessProfile {
        try await store.read { try $0.requireProfile() }
    }

    /// Changes the profile with `change`, validates and stores it.
    public func updateProfile(
        _ change: @escaping @Sendable (inout BusinessProfile) throws -> Void
    ) async throws -> BusinessProfile {
        try await store.write { book in
            let before = try book.requireProfile()
            var profile = before
            try change(&profile)
            profile = try profile.checkedInput(previous: before)
            try DocumentFonts.requirePrintable(DocumentFonts.fields(of: profile))
            try book.save(profile: profile)
            return profile
        }
    }
}

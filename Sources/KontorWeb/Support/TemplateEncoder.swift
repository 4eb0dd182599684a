/// Turns a view model into the dictionaries and arrays that swift-mustache reads directly.
///
/// swift-mustache looks up every `{{name}}` of a plain struct with `Mirror`, walking all its stored properties
/// again for each lookup and for each level of the context stack it climbs. That made rendering the
/// largest cost of a page. Encoding the view model once (synthesised `Encodable`, no reflection) gives
/// dictionaries, whose lookups are a hash each. Absent optionals are left out, which Mustache reads as false,
/// as it read `nil` before.
enum TemplateEncoder {
    /// The tree for `value`: `[String: Any]` for structs, `[Any]` for arrays, the value itself for scalars.
    static func encode(_ value: some Encodable) throws -> Any {
        try box(value)
    }

    fileprivate static func box(_ value: some Encodable) throws -> Any {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let table as [String: String]: return table
        // The other scalars encode themselves through a single-value container, which would ask here again.
        case let number as Int64: return number
        case let number as Int32: return number
        case let number as Int16: return number
        case let number as Int8: return number
        case let number as UInt: return number
        case let number as UInt64: return number
        case let number as UInt32: return number
        case let number as UInt16: return number
        case let number as UInt8: return number
        case let number as Double: return number
        case let number as Float: return number
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.storage?.value ?? ""
        }
    }
}

/// Where one encoder puts what it is given.
private final class Storage {
    enum Kind {
        case keyed([String: Any])
        case unkeyed([Any])
        case single(Any)
    }

    var kind: Kind
    /// Whether a nested container was put in, to be resolved at the end.
    var hasNested = false

    init(_ kind: Kind) { self.kind = kind }

    /// The finished tree; nested containers (which synthesised `Encodable` never asks for) are resolved here.
    var value: Any {
        guard hasNested else {
            switch kind {
            case let .keyed(values): return values
            case let .unkeyed(values): return values
            case let .single(value): return value
            }
        }
        return switch kind {
        case let .keyed(values): values.mapValues { ($0 as? Storage)?.value ?? $0 }
        case let .unkeyed(values): values.map { ($0 as? Storage)?.value ?? $0 }
        case let .single(value): value
        }
    }

    func set(_ value: Any, forKey key: String) {
        if case var .keyed(values) = kind {
            kind = .single(0)  // let go of the dictionary so that the insertion does not copy it
            values[key] = value
            kind = .keyed(values)
        }
    }

    func append(_ value: Any) {
        if case var .unkeyed(values) = kind {
            kind = .single(0)
            values.append(value)
            kind = .unkeyed(values)
        }
    }
}

private final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var storage: Storage?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let storage = self.storage ?? Storage(.keyed([:]))
        self.storage = storage
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let storage = self.storage ?? Storage(.unkeyed([]))
        self.storage = storage
        return UnkeyedContainer(storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: Storage
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        storage.set(try TemplateEncoder.box(value), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = Storage(.keyed([:]))
        storage.hasNested = true
        storage.set(nested, forKey: key.stringValue)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = Storage(.unkeyed([]))
        storage.hasNested = true
        storage.set(nested, forKey: key.stringValue)
        return UnkeyedContainer(storage: nested)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: Storage
    var codingPath: [any CodingKey] = []
    var count: Int {
        if case let .unkeyed(values) = storage.kind { return values.count }
        return 0
    }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: some Encodable) throws { storage.append(try TemplateEncoder.box(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = Storage(.keyed([:]))
        storage.hasNested = true
        storage.append(nested)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(storage: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = Storage(.unkeyed([]))
        storage.hasNested = true
        storage.append(nested)
        return UnkeyedContainer(storage: nested)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {}
    mutating func encode(_ value: some Encodable) throws {
        encoder.storage = Storage(.single(try TemplateEncoder.box(value)))
    }
}

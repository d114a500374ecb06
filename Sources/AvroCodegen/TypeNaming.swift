import Avro

/// The Swift name of every named type of a schema set.
///
/// Strategy, in order: an explicit `types` override; otherwise the short name, prefixed by the `namespaces`
/// mapping of its namespace when there is one; a short name that more than one type of the set uses (and the
/// namespace mapping does not tell apart) is prefixed by its namespace in PascalCase (`com.acme.v1.User` →
/// `ComAcmeV1User`), so no two types ever collide; then the `typePrefix`. Names Swift or the generated code
/// cannot use (`Type`, `Self`, `Swift`, `Avro`, keywords) get a trailing underscore. Any remaining clash gets a
/// numeric suffix in schema order, so the result is deterministic.
struct TypeNaming {
    private(set) var names: [String: String] = [:]  // Avro full name → Swift name

    init(_ set: SchemaSet, options: GeneratorOptions) throws(GenerationError) {
        let types = set.namedTypes
        func mapped(_ named: any NamedSchema) -> String {
            let short = named.name.name
            if let namespace = named.name.namespace, let prefix = options.namespaces[namespace] {
                return prefix + SwiftNames.upperFirst(short)
            }
            return short
        }
        var counts: [String: Int] = [:]
        for named in types where options.types[named.name.fullName] == nil { counts[mapped(named), default: 0] += 1 }
        var taken: Set<String> = []
        for named in types {
            let fullName = named.name.fullName
            if let override = options.types[fullName] {
                guard taken.insert(override).inserted else {
                    throw GenerationError(
                        message: "the types override \"\(override)\" for \(fullName) names another type too",
                        location: named.location)
                }
                names[fullName] = override
                continue
            }
            var base = mapped(named)
            if counts[base, default: 0] > 1, let namespace = named.name.namespace {
                base = SwiftNames.pascalCase(namespace: namespace) + SwiftNames.upperFirst(base)
            }
            var name = SwiftNames.typeName(options.typePrefix + base)
            var suffix = 2
            while taken.contains(name) {
                name = SwiftNames.typeName(options.typePrefix + base) + "\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            names[fullName] = name
        }
    }

    /// The Swift name of `named`.
    func name(of named: any NamedSchema) -> String {
        // Every named type of the set was named in init; the short name is only a fallback for a type of another set.
        names[named.name.fullName] ?? SwiftNames.identifier(named.name.name)
    }

    /// Every Swift type name in use.
    var allNames: Set<String> { Set(names.values) }
}

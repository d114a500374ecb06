/// Finds the full names that a schema document defines, without validating it.
///
/// A ``SchemaSet`` uses this quick scan to know which file to parse first when one file uses a type defined
/// in another.
enum DefinitionScanner {
    static func definedNames(in document: JSONValue) -> [String] {
        var names: [String] = []
        scan(document, namespace: nil, into: &names)
        return names
    }

    private static func scan(_ value: JSONValue, namespace: String?, into names: inout [String]) {
        switch value.kind {
        case .array(let branches):
            for branch in branches { scan(branch, namespace: namespace, into: &names) }
        case .object(let object):
            guard let type = object["type"] else { return }
            switch type.stringValue {
            case "record", "error", "enum", "fixed":
                guard let name = object["name"]?.stringValue else { return }
                let declared = object["namespace"]?.stringValue ?? namespace
                let fullName = SchemaName(reference: name, enclosingNamespace: declared)
                names.append(fullName.fullName)
                for field in object["fields"]?.arrayValue ?? [] {
                    if let fieldType = field.objectValue?["type"] {
                        scan(fieldType, namespace: fullName.namespace, into: &names)
                    }
                }
            case "array":
                if let items = object["items"] { scan(items, namespace: namespace, into: &names) }
            case "map":
                if let values = object["values"] { scan(values, namespace: namespace, into: &names) }
            case nil:
                scan(type, namespace: namespace, into: &names)
            default:
                return
            }
        default:
            return
        }
    }
}

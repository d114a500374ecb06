import Avro

extension Schema {
    /// The schema node that defines `named`.
    init(kindOf named: any NamedSchema) {
        if let record = named as? RecordSchema {
            self.init(.record(record), location: record.location)
        } else if let enumeration = named as? EnumSchema {
            self.init(.enumeration(enumeration), location: enumeration.location)
        } else if let fixed = named as? FixedSchema {
            self.init(.fixed(fixed), logicalType: fixed.logicalType, location: fixed.location)
        } else {
            // Schema sets hold only records, enums and fixed types; anything else has no schema to embed.
            self.init(.null, location: named.location)
        }
    }
}

/// The schemas of Apache Avro Java's `TestSchemas`, restated as JSON, that the compatibility cases use.
enum S {
    static let null = #""null""#
    static let boolean = #""boolean""#
    static let int = #""int""#
    static let long = #""long""#
    static let float = #""float""#
    static let double = #""double""#
    static let string = #""string""#
    static let bytes = #""bytes""#
    static let intArray = #"{"type": "array", "items": "int"}"#
    static let longArray = #"{"type": "array", "items": "long"}"#
    static let stringArray = #"{"type": "array", "items": "string"}"#
    static let intMap = #"{"type": "map", "values": "int"}"#
    static let longMap = #"{"type": "map", "values": "long"}"#
    static let stringMap = #"{"type": "map", "values": "string"}"#
    static let enum1AB = #"{"type": "enum", "name": "Enum1", "symbols": ["A", "B"]}"#
    static let enum1ABDefault = #"{"type": "enum", "name": "Enum1", "symbols": ["A", "B"], "default": "A"}"#
    static let enum1ABC = #"{"type": "enum", "name": "Enum1", "symbols": ["A", "B", "C"]}"#
    static let enum1BC = #"{"type": "enum", "name": "Enum1", "symbols": ["B", "C"]}"#
    static let enum2AB = #"{"type": "enum", "name": "Enum2", "symbols": ["A", "B"]}"#
    static let enum1ABNamespace1 =
        #"{"type": "enum", "name": "Enum1", "namespace": "namespace1", "symbols": ["A", "B"]}"#
    static let enum1ABNamespace2 =
        #"{"type": "enum", "name": "Enum1", "namespace": "namespace2", "symbols": ["A", "B"]}"#
    static let emptyUnion = "[]"
    static let nullUnion = #"["null"]"#
    static let intUnion = #"["int"]"#
    static let longUnion = #"["long"]"#
    static let floatUnion = #"["float"]"#
    static let doubleUnion = #"["double"]"#
    static let stringUnion = #"["string"]"#
    static let bytesUnion = #"["bytes"]"#
    static let intStringUnion = #"["int", "string"]"#
    static let stringIntUnion = #"["string", "int"]"#
    static let intFloatUnion = #"["int", "float"]"#
    static let intLongUnion = #"["int", "long"]"#
    static let intLongFloatDoubleUnion = #"["int", "long", "float", "double"]"#
    static let nullIntArrayUnion = #"["null", {"type": "array", "items": "int"}]"#
    static let nullIntMapUnion = #"["null", {"type": "map", "values": "int"}]"#
    static let emptyRecord1 = #"{"type": "record", "name": "Record1", "fields": []}"#
    static let emptyRecord2 = #"{"type": "record", "name": "Record2", "fields": []}"#
    static let aIntRecord1 = #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int"}]}"#
    static let aLongRecord1 = #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "long"}]}"#
    static let aIntBIntRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}"#
    static let aDintRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}]}"#
    static let aIntBDintRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 0}]}"#
    static let aDintBDintRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": "int", "default": 0}]}"#
    static let aDintBDfixed4Record1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": {"type": "fixed", "name": "Fixed", "size": 4}}]}"#
    static let aDintBDfixed8Record1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": {"type": "fixed", "name": "Fixed", "size": 8}}]}"#
    static let aDintBDintStringUnionRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": ["int", "string"], "default": 0}]}"#
    static let aDintBDintUnionRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": ["int"], "default": 0}]}"#
    static let aDintBDenum1Record1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": {"type": "enum", "name": "Enum1", "symbols": ["A", "B"]}}]}"#
    static let aDintBDenum2Record1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "a", "type": "int", "default": 0}, {"name": "b", "type": {"type": "enum", "name": "Enum2", "symbols": ["A", "B"]}}]}"#
    static let fixed4 = #"{"type": "fixed", "name": "Fixed", "size": 4}"#
    static let fixed8 = #"{"type": "fixed", "name": "Fixed", "size": 8}"#
    static let intListRecord =
        #"{"type": "record", "name": "List", "fields": [{"name": "head", "type": "int"}, {"name": "tail", "type": ["null", "List"]}]}"#
    static let longListRecord =
        #"{"type": "record", "name": "List", "fields": [{"name": "head", "type": "long"}, {"name": "tail", "type": ["null", "List"]}]}"#
    static let withNamespace = #"{"type": "record", "name": "ns.Record", "fields": [{"name": "f1", "type": "int"}]}"#
    static let withoutNamespace = #"{"type": "record", "name": "Record", "fields": [{"name": "f1", "type": "int"}]}"#
    static let nsRecord1 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "f1", "type": ["null", {"type": "array", "items": {"type": "record", "name": "InnerRecord1", "namespace": "ns1", "fields": [{"name": "a", "type": "int"}]}}]}]}"#
    static let nsRecord2 =
        #"{"type": "record", "name": "Record1", "fields": [{"name": "f1", "type": ["null", {"type": "array", "items": {"type": "record", "name": "InnerRecord1", "namespace": "ns2", "fields": [{"name": "a", "type": "int"}]}}]}]}"#
    static let unionIntRecord1 =
        #"["int", {"type": "record", "name": "Record1", "fields": [{"name": "field1", "type": "int"}]}]"#
    static let unionIntRecord2 =
        #"["int", {"type": "record", "name": "Record2", "fields": [{"name": "field1", "type": "int"}]}]"#
    static let unionIntEnum1AB = #"["int", {"type": "enum", "name": "Enum1", "symbols": ["A", "B"]}]"#
    static let unionIntFixed4 = #"["int", {"type": "fixed", "name": "Fixed", "size": 4}]"#
    static let unionIntBoolean = #"["int", "boolean"]"#
    static let unionIntArrayInt = #"["int", {"type": "array", "items": "int"}]"#
    static let unionIntMapInt = #"["int", {"type": "map", "values": "int"}]"#
    static let unionIntNull = #"["int", "null"]"#
    static let unionFixed8 = #"[{"type": "fixed", "name": "Fixed", "size": 8}]"#
    static let unionEnum2 = #"[{"type": "enum", "name": "Enum2", "symbols": ["A", "B"]}]"#
    static let unionRecord2 = #"[{"type": "record", "name": "Record2", "fields": [{"name": "field1", "type": "int"}]}]"#
}

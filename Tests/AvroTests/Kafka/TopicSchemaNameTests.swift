import Avro
import Testing

/// The `<topic>-key` / `<topic>-value` convention, read from subjects and file paths and written back.
@Suite struct TopicSchemaNameTests {
    @Test func subjectsGiveTopicAndRole() {
        #expect(TopicSchemaName(subject: "orders-key") == TopicSchemaName(topic: "orders", isKey: true))
        #expect(TopicSchemaName(subject: "shop.orders-value") == TopicSchemaName(topic: "shop.orders", isKey: false))
        #expect(TopicSchemaName(subject: "-key") == TopicSchemaName(topic: "", isKey: true))
        #expect(TopicSchemaName(subject: "com.example.Order") == nil)
        #expect(TopicSchemaName(subject: "orders-keys") == nil)
    }

    @Test func filePathsGiveTopicAndRoleByTheirLastComponent() {
        #expect(TopicSchemaName(file: "schemas/orders-value.avsc") == TopicSchemaName(topic: "orders", isKey: false))
        #expect(TopicSchemaName(file: "a/b/payments-key.avsc") == TopicSchemaName(topic: "payments", isKey: true))
        #expect(TopicSchemaName(file: "orders-key.json") == nil)
        #expect(TopicSchemaName(file: "orders-key.avsc/") == TopicSchemaName(topic: "orders", isKey: true))
        #expect(TopicSchemaName(file: "schemas/order.avsc") == nil)
        #expect(TopicSchemaName(file: "") == nil)
    }

    @Test func namesWriteSubjectsAndFileNames() {
        #expect(TopicSchemaName(topic: "orders", isKey: true).subject == "orders-key")
        #expect(TopicSchemaName(topic: "orders", isKey: false).subject == "orders-value")
        #expect(TopicSchemaName.fileName(ofSubject: "orders-value") == "orders-value.avsc")
        #expect(TopicSchemaName(file: TopicSchemaName.fileName(ofSubject: "x-key"))?.subject == "x-key")
    }
}

// The models of this target are generated at build time by swift-avro's build plugin from `order.avsc` (a link to
// the shared benchmark workload, ../shared/bench/order.avsc), configured by `swift-avro.json`.

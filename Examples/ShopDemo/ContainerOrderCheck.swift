import AvroContainer
import ShopModels

/// Reads every order of a container file from `reader` into version 1 models (resolved from the file's writer
/// schema), `chunkSize` at a time under `leg`'s clock, checks each against `generator`'s order of the same index
/// and counts them in `leg.records`; `orderName` names an order in the error for one that differs.
func readAndCheckOrdersV1(
    from reader: inout AvroContainerModelReader<OrderV1>, generator: OrderGenerator, chunkSize: Int, leg: inout Leg,
    orderName: (Int) -> String = { "order \($0)" }
) throws {
    var batch: [OrderV1] = []
    var index = 0
    while true {
        batch.removeAll(keepingCapacity: true)
        try leg.measureSync {
            while batch.count < chunkSize, let order = try reader.next() { batch.append(order) }
        }
        if batch.isEmpty { break }
        for order in batch {
            guard order == OrderV1(expectedFrom: generator.order(index)) else {
                throw DemoFailure("\(orderName(index)) differs")
            }
            index += 1
        }
    }
    leg.records = index
}

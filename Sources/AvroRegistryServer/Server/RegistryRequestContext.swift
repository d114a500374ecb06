import Hummingbird
import Logging
import NIOCore

/// The per-request context: Hummingbird's core context plus the server's body limit.
struct RegistryRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The largest body a handler collects.
    var maxBodyBytes: Int

    init(source: Source) {
        coreContext = .init(source: source)
        maxBodyBytes = 8 << 20
    }
}

extension AvroBinaryWriter {
    /// Writes an array as one block followed by the end marker.
    @inlinable public mutating func writeArray<Element>(
        _ elements: [Element], _ write: (inout AvroBinaryWriter, Element) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        if !elements.isEmpty {
            writeBlockCount(elements.count)
            for element in elements { try write(&self, element) }
        }
        writeBlockCount(0)
    }

    /// Writes a map as one block (keys in sorted order, so equal maps encode equally) followed by the end marker.
    @inlinable public mutating func writeMap<Value>(
        _ map: [String: Value], _ write: (inout AvroBinaryWriter, Value) throws(AvroCodingError) -> Void
    ) throws(AvroCodingError) {
        if map.count == 1, let (key, value) = map.first {
            writeBlockCount(1)
            writeString(key)
            try write(&self, value)
        } else if !map.isEmpty {
            writeBlockCount(map.count)
            // The entries are sorted where they lie (on the stack when small), not in a new array.
            try withUnsafeTemporaryAllocation(of: (key: String, value: Value).self, capacity: map.count) {
                (entries) throws(AvroCodingError) in
                var entries = entries
                _ = entries.initialize(fromContentsOf: map)
                defer { entries.deinitialize() }
                if entries.count <= 16 {
                    // Insertion sort: maps are small, and the library's sort would allocate a scratch buffer.
                    for position in 1..<entries.count {
                        var slot = position
                        while slot > 0, entries[slot].key < entries[slot - 1].key {
                            entries.swapAt(slot, slot - 1)
                            slot -= 1
                        }
                    }
                } else {
                    entries.sort { $0.key < $1.key }
                }
                for entry in entries {
                    writeString(entry.key)
                    try write(&self, entry.value)
                }
            }
        }
        writeBlockCount(0)
    }
}

/// A min-heap with four children per node, kept in one array: half the depth of a binary heap, and a node's
/// children share a cache line, so sifting down (the common step of a simulation: take the earliest event,
/// schedule the next) touches fewer lines than swift-collections' min-max heap, whose sift-down dominated the
/// network model's profile.
struct QuaternaryHeap<Element: Comparable & Sendable>: Sendable {
    private var storage: [Element] = []

    var count: Int { storage.count }
    var min: Element? { storage.first }

    mutating func insert(_ element: Element) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 2
                guard moving < heap[parent] else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Replaces the minimum with `element` and restores the order: one sift-down instead of a removal and an
    /// insertion.
    mutating func replaceMin(with element: Element) {
        precondition(!storage.isEmpty, "replaceMin on an empty heap")
        storage[0] = element
        siftDown()
    }

    mutating func removeMin() {
        precondition(!storage.isEmpty, "removeMin on an empty heap")
        let last = storage.removeLast()
        guard !storage.isEmpty else { return }
        storage[0] = last
        siftDown()
    }

    private mutating func siftDown() {
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            let moving = heap[0]
            var parent = 0
            while true {
                let first = (parent << 2) + 1
                guard first < count else { break }
                var smallest = first
                let end = Swift.min(first + 4, count)
                var child = first + 1
                while child < end {
                    if heap[child] < heap[smallest] { smallest = child }
                    child += 1
                }
                guard heap[smallest] < moving else { break }
                heap[parent] = heap[smallest]
                parent = smallest
            }
            heap[parent] = moving
        }
    }
}

/// The future-event list: events ordered by virtual time, ties broken by the order they were scheduled.
///
/// A four-ary min-heap (``QuaternaryHeap``) of plain values: no allocation per event once the heap has grown to
/// the number of events pending, which is the number of people in the system, not the number of events.
public struct EventQueue<Payload: Sendable>: Sendable {
    private struct Entry: Comparable, Sendable {
        var time: Double
        var sequence: UInt64
        var payload: Payload

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool { lhs.time == rhs.time && lhs.sequence == rhs.sequence }
    }

    private var heap = QuaternaryHeap<Entry>()
    private var scheduled: UInt64 = 0
    /// Whether the heap's minimum was already handed out by ``next(until:)``: it is removed lazily, so that
    /// the usual step (take an event, schedule the next) is one `replaceMin` instead of a removal and an
    /// insertion, halving the heap work per event.
    private var minimumTaken = false

    /// The virtual time of the event last taken; starts at 0.
    public private(set) var now: Double = 0

    /// Creates an empty queue at time 0.
    public init() {}

    /// Events pending.
    public var count: Int { heap.count - (minimumTaken ? 1 : 0) }

    /// Schedules `payload` at virtual time `time`, which must not be in the past.
    public mutating func schedule(_ payload: Payload, at time: Double) {
        precondition(time >= now, "an event was scheduled in the past")
        let entry = Entry(time: time, sequence: scheduled, payload: payload)
        scheduled &+= 1
        if minimumTaken {
            minimumTaken = false
            heap.replaceMin(with: entry)
        } else {
            heap.insert(entry)
        }
    }

    /// The time of the earliest pending event, or infinity when none is pending (finishing the lazy removal
    /// of the event last taken).
    public mutating func nextTime() -> Double {
        if minimumTaken {
            minimumTaken = false
            heap.removeMin()
        }
        return heap.min?.time ?? .infinity
    }

    /// Takes the earliest event if it is due at or before `horizon`, advancing ``now`` to its time.
    public mutating func next(until horizon: Double) -> (time: Double, payload: Payload)? {
        if minimumTaken {
            minimumTaken = false
            heap.removeMin()
        }
        guard let first = heap.min, first.time <= horizon else { return nil }
        minimumTaken = true
        now = first.time
        return (first.time, first.payload)
    }
}

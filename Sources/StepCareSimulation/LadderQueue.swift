/// The network model's future-event list: a two-rung ladder queue (after W. T. Tang, R. S. M. Goh and
/// I. L.-J. Thng, "Ladder queue: an O(1) priority queue structure for large-scale discrete event simulation",
/// ACM TOMACS 15(3), 2005).
///
/// Events far ahead are appended, unsorted, to the *top*. When the nearer rungs run dry, the top is spread
/// over up to 4,096 buckets (*rung 1*); a bucket about to be reached is spread again over up to 4,096 finer
/// buckets (*rung 2*) when it is large, and the bucket reached is sorted into the *bottom*, from which events
/// are taken in order. Events scheduled into the range the bottom already covers join a small heap beside it
/// (*late*), so no insertion shifts the bottom, and a queue whose rungs fit its events badly (the first events
/// of a run, say) costs a heap's log n, never more.
///
/// An event is appended to a run of memory or taken from the front of one, so each event costs a few
/// sequential moves whatever the number pending. A heap instead makes one random walk down a tree per event,
/// whose cache misses grow with the events pending (the four-ary heap's sift-down was 46 % of a scale-10
/// network run, and its cost per event doubled from scale 1 to 1,000).
///
/// - Events later than the horizon are never taken, so they are not stored.
/// - Ties come out in the order they were scheduled, exactly as from ``EventQueue`` (the oracle in the tests).
/// - The buckets are owned by this one value (it cannot be copied), so no append pays a copy-on-write check;
///   memory follows the events pending.
struct LadderQueue: ~Copyable {
    /// A pending event: its time, then its scheduling order and payload in one word (sequence × 2²⁴ + payload).
    private struct Entry: Comparable {
        var time: Double
        var key: UInt64

        static func < (a: Entry, b: Entry) -> Bool { a.time < b.time || (a.time == b.time && a.key < b.key) }
    }

    /// The most buckets in a rung: both rungs' bucket ends stay in the first two levels of cache.
    private static let mostBuckets = 4096
    /// A bucket larger than this is spread over rung 2 rather than sorted into the bottom.
    private static let largestSorted = 16
    /// Payloads are stored in the low 24 bits of the key.
    static let payloadLimit: Int32 = 1 << 24

    /// Events at or before this time are kept; later ones are dropped when scheduled.
    let horizon: Double
    /// The time of the event last taken; starts at 0.
    private(set) var now = 0.0
    /// Events pending.
    private(set) var count = 0
    private var scheduled: UInt64 = 0

    private var top = Entries()
    private var topMin = Double.infinity
    private var topMax = -Double.infinity
    private var rung1: Rung
    private var rung2: Rung
    /// Whether rung 2 holds the rest of rung 1's current bucket.
    private var rung2Active = false
    private var bottom = Entries()
    private var bottomHead = 0
    private var late = QuaternaryHeap<Entry>()

    /// An empty queue keeping the events up to `horizon` (finite and not negative).
    init(horizon: Double) {
        precondition(horizon >= 0 && horizon.isFinite, "the horizon must be a finite time")
        self.horizon = horizon
        rung1 = Rung(capacity: Self.mostBuckets)
        rung2 = Rung(capacity: Self.mostBuckets)
    }

    deinit {
        top.release()
        bottom.release()
    }

    /// Schedules `payload` (0 ..< 2²⁴) at `time`, which must not be before ``now``; a time after the horizon
    /// is dropped.
    mutating func schedule(_ payload: Int32, at time: Double) {
        precondition(time >= now, "an event was scheduled in the past")
        precondition(payload >= 0 && payload < Self.payloadLimit, "a payload must lie in 0 ..< 2^24")
        guard time <= horizon else { return }
        let entry = Entry(time: time, key: scheduled << 24 | UInt64(payload))
        scheduled += 1
        count += 1
        let index1 = rung1.index(of: time)
        if index1 >= rung1.count {
            top.append(entry)
            topMin = min(topMin, time)
            topMax = max(topMax, time)
        } else if index1 > rung1.current {
            rung1.append(entry, to: index1)
        } else if index1 == rung1.current, rung2Active, case let index2 = rung2.clampedIndex(of: time),
            index2 > rung2.current
        {
            rung2.append(entry, to: index2)
        } else {
            insertIntoBottom(entry)
        }
    }

    /// The time of the earliest pending event, or infinity when none is pending.
    mutating func nextTime() -> Double {
        guard count > 0 else { return .infinity }
        return bottom[earliestInBottom()].time
    }

    /// Takes the earliest pending event, advancing ``now`` to its time; nil when none is pending.
    mutating func next() -> (time: Double, payload: Int32)? {
        guard count > 0 else { return nil }
        let entry = bottom[earliestInBottom()]
        bottomHead += 1
        count -= 1
        now = entry.time
        return (entry.time, Int32(truncatingIfNeeded: entry.key & 0xFF_FFFF))
    }

    // MARK: - Rungs

    /// The index in the bottom of the earliest pending event (there is one), moving it there from the late
    /// heap when that holds it.
    @inline(__always)
    private mutating func earliestInBottom() -> Int {
        if late.count == 0, bottomHead < bottom.count { return bottomHead }
        fillBottom()
        if let first = late.min, bottomHead == bottom.count || first < bottom[bottomHead] {
            // The late event takes the place just before the bottom's head (kept there as a slot to reuse).
            late.removeMin()
            if bottomHead == 0 {
                bottom.insertAtFront(first)
            } else {
                bottomHead -= 1
                bottom[bottomHead] = first
            }
        }
        return bottomHead
    }

    /// Makes the bottom or the late heap non-empty (there is an event pending).
    private mutating func fillBottom() {
        while bottomHead == bottom.count, late.count == 0 {
            bottom.removeAll()
            bottomHead = 0
            if rung2Active, let index = rung2.nextNonEmpty() {
                rung2.take(index, into: &bottom)
                Self.sort(&bottom)
            } else if let index = rung1.nextNonEmpty() {
                rung2Active = false
                if rung1.size(of: index) <= Self.largestSorted || rung1.inverseWidth == 0 {
                    rung1.take(index, into: &bottom)
                    Self.sort(&bottom)
                } else {
                    spreadIntoRung2(index)
                }
            } else {
                rung2Active = false
                spreadTopIntoRung1()
            }
        }
    }

    /// Spreads rung 1's bucket `index` over rung 2, its width shared evenly among about one bucket per two
    /// events. The bottom is empty and serves as the scratch space.
    private mutating func spreadIntoRung2(_ index: Int) {
        let start = rung1.start + Double(index) / rung1.inverseWidth
        rung2.reset(
            start: start, end: start + 1 / rung1.inverseWidth,
            buckets: min(Self.mostBuckets, max(2, rung1.size(of: index) / 2)))
        rung1.take(index, into: &bottom)
        for i in 0..<bottom.count { rung2.append(bottom[i], to: rung2.clampedIndex(of: bottom[i].time)) }
        bottom.removeAll()
        rung2Active = true
    }

    /// Spreads the top over rung 1, from its earliest to its latest event, about one bucket per eight events.
    private mutating func spreadTopIntoRung1() {
        precondition(top.count > 0, "the queue's count disagrees with its contents")
        rung1.reset(start: topMin, end: topMax, buckets: min(Self.mostBuckets, max(2, top.count / 8)))
        for i in 0..<top.count { rung1.append(top[i], to: rung1.index(of: top[i].time)) }
        top.removeAll()
        topMin = .infinity
        topMax = -.infinity
    }

    /// Sorts a bucket: by insertion when small (the usual bucket holds a few events), which needs no buffer.
    private static func sort(_ entries: inout Entries) {
        var entries = entries.buffer
        guard entries.count <= 32 else { return entries.sort() }
        for i in entries.indices.dropFirst() {
            let moving = entries[i]
            var j = i
            while j > 0, moving < entries[j - 1] {
                entries[j] = entries[j - 1]
                j -= 1
            }
            entries[j] = moving
        }
    }

    /// Adds `entry`, due in the range the bottom covers, to the late heap beside it.
    private mutating func insertIntoBottom(_ entry: Entry) { late.insert(entry) }

    /// One rung: `count` buckets of equal width from `start`, consumed in order; `current` is the bucket
    /// being taken from (−1 before the first).
    private struct Rung: ~Copyable {
        private let buckets: UnsafeMutablePointer<Entries>
        private let capacity: Int
        private(set) var count = 0
        private(set) var start = 0.0
        private var end = 0.0
        private(set) var inverseWidth = 0.0
        private(set) var current = -1

        init(capacity: Int) {
            self.capacity = capacity
            buckets = .allocate(capacity: capacity)
            buckets.initialize(repeating: Entries(), count: capacity)
        }

        deinit {
            for index in 0..<capacity { buckets[index].release() }
            buckets.deallocate()
        }

        /// Starts again over `[start, end]` with `count` buckets; every bucket must be empty.
        mutating func reset(start: Double, end: Double, buckets count: Int) {
            self.start = start
            self.end = end
            current = -1
            var inverse = Double(count) / (end - start)
            guard inverse.isFinite else {
                // A span too narrow to divide (one time, say): one bucket holds it, sorted when it is reached.
                self.count = 1
                inverseWidth = 0
                return
            }
            // The latest time must fall inside the last bucket, so the inverse is nudged down until it does.
            while (end - start) * inverse >= Double(count) { inverse = inverse.nextDown }
            self.count = count
            inverseWidth = inverse
        }

        /// The bucket `time` falls in: −1 before the rung's start, `count` after its end.
        func index(of time: Double) -> Int {
            if time < start { return -1 }
            if time > end { return count }
            // Below `count` for every time up to `end`, by the choice of `inverseWidth`.
            return Int((time - start) * inverseWidth)
        }

        /// The bucket `time` falls in, for a time inside the rung's span (rounding kept inside the rung).
        func clampedIndex(of time: Double) -> Int { max(0, min(count - 1, index(of: time))) }

        func size(of index: Int) -> Int { buckets[index].count }

        mutating func append(_ entry: Entry, to index: Int) { buckets[index].append(entry) }

        /// Moves past empty buckets to the next holding an event, or past the end (nil).
        mutating func nextNonEmpty() -> Int? {
            while current + 1 < count {
                current += 1
                if buckets[current].count > 0 { return current }
            }
            current = count
            return nil
        }

        /// Moves bucket `index`'s events into `target` (empty), keeping the bucket's storage.
        mutating func take(_ index: Int, into target: inout Entries) {
            swap(&buckets[index], &target)
        }
    }

    /// A growable run of entries in memory its owner frees with ``release()``: an append checks no reference
    /// count, which a Swift array's would (a tenth of a run's time when the buckets were arrays).
    private struct Entries {
        private var base: UnsafeMutablePointer<Entry>?
        private(set) var count = 0
        private var capacity = 0

        subscript(index: Int) -> Entry {
            get { base.unsafelyUnwrapped[index] }
            set { base.unsafelyUnwrapped[index] = newValue }
        }

        /// The entries, to sort in place.
        var buffer: UnsafeMutableBufferPointer<Entry> { UnsafeMutableBufferPointer(start: base, count: count) }

        @inline(__always)
        mutating func append(_ entry: Entry) {
            if count == capacity { grow() }
            (base.unsafelyUnwrapped + count).initialize(to: entry)
            count += 1
        }

        mutating func insertAtFront(_ entry: Entry) {
            if count == capacity { grow() }
            let base = base.unsafelyUnwrapped
            (base + 1).moveInitialize(from: base, count: count)
            base.initialize(to: entry)
            count += 1
        }

        /// Empties the run, keeping its memory if that is small. Storage passes between buckets and the bottom,
        /// so a large block kept here would in time end up in every bucket: memory would follow the largest
        /// bucket ever seen times the buckets, not the events pending.
        mutating func removeAll() {
            count = 0
            if capacity > Entries.largestKept {
                base?.deallocate()
                base = nil
                capacity = 0
            }
        }

        /// The most entries an emptied run keeps room for.
        static let largestKept = 64

        func release() { base?.deallocate() }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<Entry>.allocate(capacity: max(16, 2 * capacity))
            if let base {
                larger.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = larger
            capacity = max(16, 2 * capacity)
        }
    }
}

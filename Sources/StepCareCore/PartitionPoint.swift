extension RandomAccessCollection {
    /// The index of the first element for which `isInSecondPart` holds, when the collection is partitioned so
    /// that it fails for a prefix and holds for the rest (binary search).
    @inlinable public func partitionPoint(where isInSecondPart: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}

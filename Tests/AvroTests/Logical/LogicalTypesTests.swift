import Foundation
import Testing

@testable import Avro

@Suite struct AvroDateTests {
    @Test(arguments: [
        (0, 1970, 1, 1, "1970-01-01"), (-1, 1969, 12, 31, "1969-12-31"), (19_417, 2023, 3, 1, "2023-03-01"),
        (11_016, 2000, 2, 29, "2000-02-29"), (-719_528, 0, 1, 1, "0000-01-01"), (2_932_896, 9999, 12, 31, "9999-12-31"),
        (-719_529, -1, 12, 31, "-000001-12-31"),
    ])
    func civilDatesRoundTrip(days: Int32, year: Int, month: Int, day: Int, text: String) throws {
        let date = AvroDate(daysSinceEpoch: days)
        #expect(date.components == (year, month, day))
        #expect(AvroDate(year: year, month: month, day: day) == date)
        #expect(date.description == text)
        let json = try JSONEncoder().encode(date)
        #expect(try JSONDecoder().decode(AvroDate.self, from: json) == date)
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(AvroDate(year: 2023, month: 2, day: 29) == nil)
        #expect(AvroDate(year: 1900, month: 2, day: 29) == nil)
        #expect(AvroDate(year: 2024, month: 13, day: 1) == nil)
        #expect(AvroDate(year: 2024, month: 4, day: 31) == nil)
        #expect(AvroDate(year: 7_000_000, month: 1, day: 1) == nil)
    }

    @Test func everyInt32DayHasComponentsThatMapBack() {
        for days in [Int32.min, Int32.min + 1, -1_000_000, 1_000_000, Int32.max - 1, Int32.max] {
            let (year, month, day) = AvroDate(daysSinceEpoch: days).components
            #expect(AvroDate(year: year, month: month, day: day)?.daysSinceEpoch == days)
        }
    }

    @Test func bridgesToDateAtUTCMidnight() {
        let date = AvroDate(daysSinceEpoch: 19_417)
        #expect(date.date == Date(timeIntervalSince1970: 19_417 * 86_400))
        #expect(AvroDate(Date(timeIntervalSince1970: 19_417 * 86_400 + 86_399)) == date)
        #expect(AvroDate(Date(timeIntervalSince1970: -1)) == AvroDate(daysSinceEpoch: -1))
        #expect(AvroDate(Date(timeIntervalSince1970: 1e300)) == AvroDate(daysSinceEpoch: .max))
    }

    @Test func nowAndTodayAreTheCurrentInstantAndDate() {
        let before = Date()
        let now = AvroTimestampMillis.now
        let micros = AvroTimestampMicros.now
        let nanos = AvroTimestampNanos.now
        let after = Date()
        #expect(now >= AvroTimestampMillis(before) && now <= AvroTimestampMillis(after))
        #expect(micros >= AvroTimestampMicros(before) && micros <= AvroTimestampMicros(after))
        #expect(abs(nanos.date.timeIntervalSince(before)) < 60)
        #expect(AvroDate.today == AvroDate(after) || AvroDate.today == AvroDate(before))
    }
}

@Suite struct AvroTimeTypesTests {
    @Test func timestampsKeepEveryTickAndBridgeToDate() {
        let nanos = AvroTimestampNanos(ticksSinceEpoch: 1_700_000_000_123_456_789)
        #expect(nanos.ticksSinceEpoch == 1_700_000_000_123_456_789)
        #expect(abs(nanos.date.timeIntervalSince1970 - 1_700_000_000.123_456_789) < 1e-6)
        let millis = AvroTimestampMillis(Date(timeIntervalSince1970: -0.001))
        #expect(millis.ticksSinceEpoch == -1)
        #expect(
            AvroTimestampMicros(Date(timeIntervalSince1970: 1_700_000_000.25)).ticksSinceEpoch == 1_700_000_000_250_000)
        // Milliseconds and microseconds hold every real instant; beyond, they saturate instead of failing.
        #expect(AvroTimestampMillis(Date(timeIntervalSince1970: 1e300)).ticksSinceEpoch == .max)
        #expect(AvroTimestampMicros(Date(timeIntervalSince1970: -1e300)).ticksSinceEpoch == .min)
        // Nanoseconds span 1677–2262 only.
        #expect(AvroTimestampNanos(Date(timeIntervalSince1970: 1e10)) == nil)
        #expect(AvroTimestampNanos(Date(timeIntervalSince1970: 1))?.ticksSinceEpoch == 1_000_000_000)
        #expect(AvroTimestampMicros(ticksSinceEpoch: .min) < AvroTimestampMicros(ticksSinceEpoch: .max))
    }

    @Test func localTimestampsNeedAnOffsetToBecomeInstants() {
        let instant = Date(timeIntervalSince1970: 1_700_000_000)
        let local = AvroLocalTimestampMillis(instant, secondsFromGMT: 3_600)
        #expect(local.ticksSinceEpoch == 1_700_003_600_000)
        #expect(local.date(secondsFromGMT: 3_600) == instant)
        #expect(AvroLocalTimestampNanos(instant, secondsFromGMT: 0)?.ticksSinceEpoch == 1_700_000_000_000_000_000)
    }

    @Test func timesOfDayFromComponents() {
        #expect(AvroTimeMillis(hour: 23, minute: 59, second: 59, fraction: 999)?.ticksSinceMidnight == 86_399_999)
        #expect(AvroTimeMicros(hour: 0, minute: 0, second: 1)?.durationSinceMidnight == .seconds(1))
        #expect(AvroTimeMillis(hour: 24, minute: 0, second: 0) == nil)
        #expect(AvroTimeMillis(hour: 1, minute: 0, second: 0, fraction: 1000) == nil)
    }

    @Test func durationIsThreeLittleEndianWords() {
        let duration = AvroDuration(months: 1, days: 0x0102_0304, milliseconds: .max)
        #expect(duration.fixedBytes == [1, 0, 0, 0, 4, 3, 2, 1, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(AvroDuration(fixedBytes: duration.fixedBytes) == duration)
        #expect(AvroDuration(fixedBytes: [UInt8](repeating: 0, count: 11)) == nil)
    }
}

// swift-tools-version: 6.1
import PackageDescription

let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The fuzz targets call libm through Core; nothing else links it for them.
let fuzzLinking: [LinkerSetting] = [.linkedLibrary("m")]

let package = Package(
    name: "ictindex",
    products: [
        .executable(name: "ictindex", targets: ["ICTIndexCLI"]),
        .library(name: "ICTIndexCore", targets: ["ICTIndexCore"]),
        .library(name: "ICTIndexCriteria", targets: ["ICTIndexCriteria"]),
        .library(name: "ICTIndexReports", targets: ["ICTIndexReports"]),
        .library(name: "ICTIndexStorage", targets: ["ICTIndexStorage"]),
        .library(name: "ICTIndexTemplates", targets: ["ICTIndexTemplates"]),
        .library(name: "ICTIndexWeb", targets: ["ICTIndexWeb"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "Localization", swiftSettings: upcomingFeatures),
        .target(
            name: "ICTIndexCore",
            dependencies: ["Localization", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexCriteria",
            dependencies: [
                "ICTIndexCore", "Yams", .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexStorage",
            dependencies: [
                "ICTIndexCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "XLSXWriter",
            dependencies: ["CXLSXWriter"],
            swiftSettings: upcomingFeatures
        ),
        .systemLibrary(
            name: "CExpat",
            pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"])]
        ),
        .target(
            name: "XLSXReader",
            dependencies: ["CExpat", "ZIPFoundation", "Localization"],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexReports",
            dependencies: ["ICTIndexCore", "XLSXWriter", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexCriteriaWorkbook",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexReports", "XLSXWriter", "XLSXReader", "Yams",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexTemplates",
            dependencies: ["ICTIndexCore", "ICTIndexCriteria", "XLSXWriter", "XLSXReader", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "ICTIndexCLI",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexCriteriaWorkbook", "ICTIndexReports", "ICTIndexStorage",
                "ICTIndexService", "ICTIndexTemplates", "ICTIndexWeb", "XLSXReader",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexService",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexReports", "ICTIndexStorage", "XLSXWriter",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcomingFeatures
        ),
        // The web app's form and multipart body parsers, apart so that their fuzz target builds without the server.
        .target(name: "ICTIndexWebForms", swiftSettings: upcomingFeatures),
        .target(
            name: "ICTIndexWeb",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexReports", "ICTIndexStorage", "ICTIndexService", "XLSXWriter",
                "ICTIndexWebForms",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .target(
            name: "ICTIndexTestSupport",
            dependencies: ["ICTIndexCore", "ICTIndexCriteria", "XLSXWriter", .product(name: "OrderedCollections", package: "swift-collections")],
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "ICTIndexBenchmarks",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexTestSupport", "ICTIndexReports", "XLSXWriter",
                "ICTIndexStorage", "ICTIndexService", "ICTIndexTemplates", .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            path: "Benchmarks/ICTIndexBenchmarks",
            swiftSettings: upcomingFeatures
        ),
        .executableTarget(
            name: "XLSXReadBenchmark",
            dependencies: ["XLSXReader", "XLSXWriter"],
            path: "Benchmarks/XLSXReadBenchmark",
            swiftSettings: upcomingFeatures
        ),
        // libFuzzer targets, one per parser (`make fuzz`); their seed corpora are in Tests/Fuzz/Corpus/.
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport", swiftSettings: upcomingFeatures),
        .executableTarget(
            name: "FuzzCriteria", dependencies: ["FuzzSupport", "ICTIndexCriteria"], path: "Tests/Fuzz/FuzzCriteria",
            swiftSettings: upcomingFeatures, linkerSettings: fuzzLinking
        ),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzSupport", "ICTIndexCore", "ICTIndexCriteria"], path: "Tests/Fuzz/FuzzCSV",
            swiftSettings: upcomingFeatures, linkerSettings: fuzzLinking
        ),
        .executableTarget(
            name: "FuzzXLSX", dependencies: ["FuzzSupport", "XLSXReader", "ZIPFoundation"], path: "Tests/Fuzz/FuzzXLSX",
            swiftSettings: upcomingFeatures, linkerSettings: fuzzLinking
        ),
        .executableTarget(
            name: "FuzzMultipart", dependencies: ["FuzzSupport", "ICTIndexWebForms"], path: "Tests/Fuzz/FuzzMultipart",
            swiftSettings: upcomingFeatures, linkerSettings: fuzzLinking
        ),
        .executableTarget(
            name: "FuzzExpression", dependencies: ["FuzzSupport", "ICTIndexCore"], path: "Tests/Fuzz/FuzzExpression",
            swiftSettings: upcomingFeatures, linkerSettings: fuzzLinking
        ),
        .executableTarget(
            name: "SampleDataGenerator",
            path: "Examples/Generator",
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexCoreTests",
            dependencies: ["ICTIndexCore", "ICTIndexTestSupport", .product(name: "OrderedCollections", package: "swift-collections")],
            exclude: ["Snapshots"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexCriteriaTests",
            dependencies: ["ICTIndexCriteria", "ICTIndexCore", "ICTIndexTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "XLSXWriterTests",
            dependencies: ["XLSXWriter", "ICTIndexTestSupport"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "XLSXReaderTests",
            dependencies: ["XLSXReader", "XLSXWriter", "ZIPFoundation", "ICTIndexTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexTemplatesTests",
            dependencies: [
                "ICTIndexTemplates", "ICTIndexCore", "ICTIndexCriteria", "XLSXWriter", "XLSXReader", "ICTIndexTestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexReportsTests",
            dependencies: [
                "ICTIndexReports", "ICTIndexCore", "ICTIndexCriteria", "ICTIndexTestSupport", "XLSXWriter",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Snapshots"],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexStorageTests",
            dependencies: [
                "ICTIndexStorage", "ICTIndexCore", "ICTIndexCriteria", "ICTIndexTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexCLITests",
            dependencies: [
                "ICTIndexCore", "ICTIndexCriteria", "ICTIndexStorage", "ICTIndexTemplates", "ICTIndexTestSupport",
                "XLSXWriter", "XLSXReader", "ZIPFoundation",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")],
            swiftSettings: upcomingFeatures
        ),
        .testTarget(
            name: "ICTIndexWebTests",
            dependencies: [
                "ICTIndexWeb", "ICTIndexCore", "ICTIndexCriteria", "ICTIndexStorage", "ICTIndexService", "ICTIndexTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: upcomingFeatures
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Madoguchi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mado", targets: ["mado"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The web reception (`mado serve`): Hummingbird, with swift-service-lifecycle's graceful shutdown inside.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Tests parse the CSV that `mado` writes with a real CSV reader, not with our own writer's assumptions.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(name: "DeskDomain"),
        // The log's own JSON for event payloads, their schema versions and upcasters; the domain never sees it.
        .target(name: "DeskCodec", dependencies: ["DeskDomain"]),
        // Every use case, once, between the front ends and the store; the store protocols the store implements.
        .target(name: "DeskApp", dependencies: ["DeskDomain"]),
        .target(
            name: "DeskStore",
            dependencies: [
                "DeskDomain", "DeskCodec", "DeskApp",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "DeskIntake", dependencies: ["DeskDomain", "DeskApp", "CGMime", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "DeskTUI", dependencies: ["DeskDomain", "DeskApp", "CNcurses"]),
        // The public's door: the reception form and the submissions API, a front end on `Desk` like the console.
        .target(name: "DeskServer", dependencies: [
            "DeskDomain", "DeskApp", "DeskIntake",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "MultipartKit", package: "multipart-kit"),
        ]),
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]),
        .systemLibrary(
            name: "CGMime",
            pkgConfig: "gmime-3.0",
            providers: [.apt(["libgmime-3.0-dev"])]),
        // prctl(2) for the executable's entry point (core dumps off); headers only, nothing to link.
        .systemLibrary(name: "CProcess"),
        .executableTarget(
            name: "mado",
            dependencies: [
                "DeskDomain", "DeskApp", "DeskStore", "DeskIntake", "DeskTUI", "DeskServer", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        .testTarget(name: "DeskDomainTests", dependencies: ["DeskDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeskCodecTests", dependencies: ["DeskCodec", "DeskDomain"]),
        // Desk on an in-memory log: the store protocols are the whole seam.
        .testTarget(name: "DeskAppTests", dependencies: ["DeskApp", "DeskCodec", "DeskDomain"]),
        // A second OS process for the store's concurrency and kill -9 tests.
        .executableTarget(name: "desk-test-writer", dependencies: ["DeskStore", "DeskApp", "DeskDomain"],
                          path: "Tests/Support/desk-test-writer"),
        .testTarget(name: "DeskStoreTests", dependencies: ["DeskStore", "DeskApp", "DeskDomain", "DeskCodec", "desk-test-writer"]),
        .testTarget(name: "DeskIntakeTests", dependencies: ["DeskIntake", "DeskApp", "DeskDomain"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeskTUITests", dependencies: ["DeskTUI", "DeskApp", "DeskStore", "DeskDomain", "DeskIntake"]),
        .testTarget(name: "DeskServerTests", dependencies: [
            "DeskServer", "DeskApp", "DeskStore", "DeskDomain", "DeskIntake",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        .testTarget(name: "MadoTests", dependencies: ["mado", "DeskApp", "DeskStore", "DeskDomain", "SwiftCSV"]),
    ]
)

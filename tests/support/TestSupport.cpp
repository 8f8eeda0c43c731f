// Anchor so the fixture library is never empty.
namespace fleetdeck::test { int supportLibraryAnchor = 0; }

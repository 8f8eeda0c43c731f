# Packaging: a .deb with the GUI, the CLI, the desktop entry and the AppStream metadata.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/io.fleetdeck.Fleetdeck.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/io.fleetdeck.Fleetdeck.metainfo.xml DESTINATION share/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/fleetdeck.svg DESTINATION share/icons/hicolor/scalable/apps
        RENAME io.fleetdeck.Fleetdeck.svg)

set(CPACK_PACKAGE_NAME fleetdeck)
set(CPACK_PACKAGE_VENDOR "Fleetdeck")
set(CPACK_PACKAGE_CONTACT "Fleetdeck developers <dev@fleetdeck.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
include(CPack)

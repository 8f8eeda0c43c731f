# One INTERFACE target that carries every compile setting shared by Fleetdeck's own targets.
add_library(fleetdeck_common INTERFACE)
target_compile_features(fleetdeck_common INTERFACE cxx_std_20)
target_compile_definitions(fleetdeck_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    FLEETDECK_VERSION="${PROJECT_VERSION}")
target_compile_options(fleetdeck_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor)
if(FLEETDECK_WERROR)
    target_compile_options(fleetdeck_common INTERFACE -Werror)
endif()
set(CMAKE_CXX_EXTENSIONS OFF)

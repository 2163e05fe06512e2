#include "svesim/arch/observer.h"

namespace svesim {

std::string_view name(ZeroUpperSite s) {
    switch (s) {
    case ZeroUpperSite::ZWrite: return "Z write";
    case ZeroUpperSite::PWrite: return "P write";
    case ZeroUpperSite::FfrWrite: return "FFR write";
    case ZeroUpperSite::VWrite: return "V write";
    case ZeroUpperSite::ExceptionEntry: return "exception entry (MaybeZeroSVEUppers)";
    case ZeroUpperSite::ZcrWiden: return "ZCR write widening VL";
    case ZeroUpperSite::ZcrNarrow: return "ZCR write narrowing VL (qemu)";
    case ZeroUpperSite::ExceptionNarrow: return "exception entry narrowing VL (qemu)";
    case ZeroUpperSite::EretNarrow: return "exception return narrowing VL (qemu)";
    }
    return "?";
}

std::string_view name(VlChangeCause c) {
    switch (c) {
    case VlChangeCause::ZcrWrite: return "ZCR write";
    case VlChangeCause::ExceptionEntry: return "exception entry";
    case VlChangeCause::ExceptionReturn: return "exception return";
    }
    return "?";
}

std::string_view name(BusOp op) {
    switch (op) {
    case BusOp::Read: return "read";
    case BusOp::Write: return "write";
    case BusOp::DebugRead: return "debug-read";
    case BusOp::DebugWrite: return "debug-write";
    case BusOp::DmiGranted: return "dmi-granted";
    case BusOp::DmiInvalidated: return "dmi-invalidated";
    }
    return "?";
}

} // namespace svesim

// An Arm PrimeCell UART (PL011, Arm DDI 0183) good enough for Linux's amba-pl011 driver and its
// earlycon: the data, flag, baud-rate, line-control, control, FIFO-level, interrupt-mask/status/
// clear and DMA-control registers, the PrimeCell identification registers, a 32-entry receive
// FIFO, and one interrupt output (UARTINTR = any masked interrupt status).
//
// Transmission is instantaneous: a DR write goes to the console's stdout at once, the transmit
// FIFO is always empty (FR.TXFE, never TXFF or BUSY) and the transmit interrupt is raised after
// every write until cleared through ICR, as QEMU's model does. Like QEMU, it sends and receives
// whatever CR.UARTEN/TXE/RXE say. Received characters come from the host (HostInput: stdin when
// it is a terminal or a pipe).
#pragma once

#include "svesim/model/semihosting.h"

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <systemc>
#include <thread>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

namespace svesim::tlm {

// The register file, without SystemC (tests/tlm/test_pl011.cpp drives it directly).
class Pl011Registers {
public:
    // Register offsets (Arm DDI 0183 table 3-1).
    static constexpr std::uint64_t kDR = 0x000, kRSR = 0x004, kFR = 0x018, kILPR = 0x020,
                                   kIBRD = 0x024, kFBRD = 0x028, kLCR_H = 0x02C, kCR = 0x030,
                                   kIFLS = 0x034, kIMSC = 0x038, kRIS = 0x03C, kMIS = 0x040,
                                   kICR = 0x044, kDMACR = 0x048, kPeriphID0 = 0xFE0,
                                   kCellID0 = 0xFF0;
    // FR bits.
    static constexpr std::uint32_t kFrBusy = 1u << 3, kFrRxfe = 1u << 4, kFrTxff = 1u << 5,
                                   kFrRxff = 1u << 6, kFrTxfe = 1u << 7;
    // Interrupt bits (RIS, MIS, IMSC, ICR).
    static constexpr std::uint32_t kIntRx = 1u << 4, kIntTx = 1u << 5, kIntRt = 1u << 6;
    static constexpr std::size_t kFifoDepth = 32;

    // Returns the value read (offsets not in the map read as 0); `side_effects` false for a
    // debugger's read (DR does not pop).
    std::uint32_t read(std::uint64_t offset, bool side_effects = true);
    // Returns the character a DR write transmits, if any.
    std::optional<char> write(std::uint64_t offset, std::uint32_t value);
    // A received character; dropped (overrun) when the FIFO is full. False if dropped.
    bool receive(std::uint8_t c);
    [[nodiscard]] bool irq() const { return (ris() & imsc_) != 0; }
    [[nodiscard]] bool rxFull() const { return rx_.size() >= rxDepth(); }

private:
    [[nodiscard]] std::uint32_t ris() const;
    [[nodiscard]] std::size_t rxDepth() const { return (lcr_h_ & (1u << 4)) ? kFifoDepth : 1; }

    std::deque<std::uint8_t> rx_;
    std::uint32_t ibrd_ = 0, fbrd_ = 0, lcr_h_ = 0, cr_ = 0x300, ifls_ = 0x12, imsc_ = 0,
                  dmacr_ = 0, ilpr_ = 0, rsr_ = 0;
    bool tx_int_ = false;
};

// Characters from the host's stdin (or another descriptor) for the UART, read on a host thread
// (blocking reads must not stop the simulation). Active only when it is a terminal or a pipe; a
// terminal is put in character mode without echo (signals keep working) and restored at the end.
class HostInput {
public:
    explicit HostInput(int fd = 0);
    ~HostInput();
    HostInput(const HostInput&) = delete;
    HostInput& operator=(const HostInput&) = delete;
    [[nodiscard]] bool active() const { return active_; }
    // Moves the characters read so far into `out`.
    void drain(std::deque<std::uint8_t>& out);

private:
    void run();
    int fd_;
    bool active_ = false, terminal_ = false;
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::deque<std::uint8_t> pending_;
    std::thread thread_;
    struct SavedTerminal;
    std::unique_ptr<SavedTerminal> saved_;
};

class Pl011 : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Pl011> socket;
    sc_core::sc_out<bool> irq; // UARTINTR, level-sensitive (a GIC SPI)
    static constexpr std::uint64_t kSize = 0x1000;

    // `input` may be null (nothing is ever received).
    Pl011(sc_core::sc_module_name name, model::Console& console, HostInput* input = nullptr);
    SC_HAS_PROCESS(Pl011);
    [[nodiscard]] Pl011Registers& registers() { return regs_; }

private:
    void b_transport(::tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned transport_dbg(::tlm::tlm_generic_payload& trans);
    void access(::tlm::tlm_generic_payload& trans, bool side_effects);
    void pollInput();

    model::Console* console_;
    HostInput* input_;
    Pl011Registers regs_;
    std::deque<std::uint8_t> waiting_; // read from the host, not yet in the FIFO
    sc_core::sc_event changed_;
    void driveIrq();
};

} // namespace svesim::tlm

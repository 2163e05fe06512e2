// The PL011's registers (tlm/pl011.h), driven directly. Expected values: Arm DDI 0183 (PL011
// TRM) register descriptions and reset values; PeriphID/CellID as QEMU's hw/char/pl011.c gives
// them and Linux's amba bus checks (0x00341011, 0xB105F00D).
#include "svesim/tlm/pl011.h"

#include <catch2/catch.hpp>
#include <systemc>
#include <tlm_utils/simple_initiator_socket.h>
#include <unistd.h>

using svesim::tlm::Pl011Registers;

TEST_CASE("PL011: reset values and the PrimeCell identification registers", "[tlm][pl011]") {
    Pl011Registers r;
    CHECK(r.read(Pl011Registers::kCR) == 0x300);  // TXE | RXE (DDI 0183 3.3.8)
    CHECK(r.read(Pl011Registers::kIFLS) == 0x12); // half-full both ways (3.3.9)
    CHECK(r.read(Pl011Registers::kFR) == (Pl011Registers::kFrTxfe | Pl011Registers::kFrRxfe));
    std::uint32_t periph = 0, cell = 0;
    for (unsigned i = 0; i < 4; ++i) {
        periph |= r.read(Pl011Registers::kPeriphID0 + 4 * i) << (8 * i);
        cell |= r.read(Pl011Registers::kCellID0 + 4 * i) << (8 * i);
    }
    CHECK(periph == 0x00341011);
    CHECK(cell == 0xB105F00D);
    CHECK_FALSE(r.irq());
}

TEST_CASE("PL011: a DR write transmits and raises TXRIS until ICR clears it", "[tlm][pl011]") {
    Pl011Registers r;
    CHECK(r.write(Pl011Registers::kDR, 'A') == 'A');
    CHECK((r.read(Pl011Registers::kRIS) & Pl011Registers::kIntTx) != 0);
    CHECK_FALSE(r.irq()); // masked
    r.write(Pl011Registers::kIMSC, Pl011Registers::kIntTx);
    CHECK(r.irq());
    CHECK(r.read(Pl011Registers::kMIS) == Pl011Registers::kIntTx);
    r.write(Pl011Registers::kICR, Pl011Registers::kIntTx);
    CHECK_FALSE(r.irq());
    CHECK_FALSE(r.write(Pl011Registers::kCR, 0x301).has_value());
    CHECK(r.read(Pl011Registers::kCR) == 0x301);
    r.write(Pl011Registers::kIBRD, 13);
    r.write(Pl011Registers::kFBRD, 0x41); // 6 bits
    CHECK(r.read(Pl011Registers::kIBRD) == 13);
    CHECK(r.read(Pl011Registers::kFBRD) == 1);
}

TEST_CASE("PL011: received characters fill the FIFO (32 with FEN, else 1) and raise RXRIS",
          "[tlm][pl011]") {
    Pl011Registers r;
    r.write(Pl011Registers::kIMSC, Pl011Registers::kIntRx | Pl011Registers::kIntRt);
    CHECK(r.receive('x'));
    CHECK_FALSE(r.receive('y')); // FIFOs off: a one-character holding register, overrun
    CHECK((r.read(Pl011Registers::kRSR) & 8) != 0);
    CHECK(r.irq());
    CHECK((r.read(Pl011Registers::kFR) & Pl011Registers::kFrRxff) != 0);
    CHECK(r.read(Pl011Registers::kDR, false) == 'x'); // a debugger's read does not pop
    CHECK(r.read(Pl011Registers::kDR) == 'x');
    CHECK((r.read(Pl011Registers::kFR) & Pl011Registers::kFrRxfe) != 0);
    CHECK_FALSE(r.irq());
    r.write(Pl011Registers::kLCR_H, 0x70); // 8 bits, FIFOs on
    for (int i = 0; i < 32; ++i)
        CHECK(r.receive(static_cast<std::uint8_t>('a' + i % 26)));
    CHECK_FALSE(r.receive('!'));
    CHECK(r.read(Pl011Registers::kDR) == 'a');
    CHECK(r.read(Pl011Registers::kDR) == 'b');
}

namespace {

class NullConsole : public svesim::model::Console {
public:
    void write(int, std::string_view) override {}
    int readChar() override { return -1; }
};

// A test bench: a pipe stands for the host's stdin, the PL011 reads it through HostInput.
struct PipeBench : sc_core::sc_module {
    explicit PipeBench(sc_core::sc_module_name n, int fd)
        : sc_module(n)
        , input(fd)
        , uart("uart", console, &input) {
        uart.irq.bind(irq);
        bus.bind(uart.socket);
    }
    // A 32-bit read through the socket, as the CPU does (it updates the interrupt line).
    std::uint32_t busRead(std::uint64_t addr) {
        std::uint32_t v = 0;
        ::tlm::tlm_generic_payload t;
        t.set_command(::tlm::TLM_READ_COMMAND);
        t.set_address(addr);
        t.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
        t.set_data_length(4);
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        bus->b_transport(t, delay);
        return v;
    }
    NullConsole console;
    svesim::tlm::HostInput input;
    svesim::tlm::Pl011 uart;
    sc_core::sc_signal<bool> irq{"irq"};
    tlm_utils::simple_initiator_socket<PipeBench> bus{"bus"};
};

} // namespace

TEST_CASE("PL011: characters written to a pipe reach the RX FIFO and raise the interrupt line",
          "[tlm][pl011]") {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    PipeBench bench("bench", fds[0]);
    REQUIRE(bench.input.active());
    Pl011Registers& r = bench.uart.registers();
    r.write(Pl011Registers::kLCR_H, 0x70);
    r.write(Pl011Registers::kIMSC, Pl011Registers::kIntRx);
    REQUIRE(write(fds[1], "hi", 2) == 2);
    // The host thread polls every 50 ms of wall time; the UART looks every 100 us simulated.
    for (int i = 0; i < 200 && (r.read(Pl011Registers::kFR) & Pl011Registers::kFrRxfe) != 0; ++i) {
        usleep(5000);
        sc_core::sc_start(sc_core::sc_time(200, sc_core::SC_US));
    }
    CHECK(bench.irq.read());
    CHECK(bench.busRead(Pl011Registers::kDR) == 'h');
    CHECK(bench.busRead(Pl011Registers::kDR) == 'i');
    sc_core::sc_start(sc_core::sc_time(1, sc_core::SC_US));
    CHECK_FALSE(bench.irq.read());
    close(fds[1]);
    close(fds[0]);
}

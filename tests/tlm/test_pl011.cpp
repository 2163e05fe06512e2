// The PL011's registers (tlm/pl011.h), driven directly. Expected values: Arm DDI 0183 (PL011
// TRM) register descriptions and reset values; PeriphID/CellID as QEMU's hw/char/pl011.c gives
// them and Linux's amba bus checks (0x00341011, 0xB105F00D).
#include "svesim/tlm/pl011.h"

#include <catch2/catch.hpp>

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

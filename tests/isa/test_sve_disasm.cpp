// SVE decoding and disassembly against LLVM 14 (`llvm-mc --disassemble -mattr=+sve`; LLVM's
// "// =0x.." immediate comments are not part of the text), unallocated SVE encodings, and the
// SVE access trap of every SVE encoding.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <cstdint>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Sample {
    std::uint32_t word;
    const char* text;
};

// Words from `aarch64-linux-gnu-as -march=armv8.2-a+sve`, text from llvm-mc.
// clang-format off
const Sample kSamples[] = {
    {0x85804000, "ldr\tz0, [x0]"}, // ldr z0, [x0]
    {0x85a043e1, "ldr\tz1, [sp, #-256, mul vl]"}, // ldr z1, [sp, #-256, mul vl]
    {0x859f5c7f, "ldr\tz31, [x3, #255, mul vl]"}, // ldr z31, [x3, #255, mul vl]
    {0x85800000, "ldr\tp0, [x0]"}, // ldr p0, [x0]
    {0x85bf17ef, "ldr\tp15, [sp, #-3, mul vl]"}, // ldr p15, [sp, #-3, mul vl]
    {0xe5805c22, "str\tz2, [x1, #7, mul vl]"}, // str z2, [x1, #7, mul vl]
    {0xe5800443, "str\tp3, [x2, #1, mul vl]"}, // str p3, [x2, #1, mul vl]
    {0xa400a000, "ld1b\t{ z0.b }, p0/z, [x0]"}, // ld1b {z0.b}, p0/z, [x0]
    {0xa421a000, "ld1b\t{ z0.h }, p0/z, [x0, #1, mul vl]"}, // ld1b {z0.h}, p0/z, [x0, #1, mul vl]
    {0xa448a400, "ld1b\t{ z0.s }, p1/z, [x0, #-8, mul vl]"}, // ld1b {z0.s}, p1/z, [x0, #-8, mul vl]
    {0xa467bfe0, "ld1b\t{ z0.d }, p7/z, [sp, #7, mul vl]"}, // ld1b {z0.d}, p7/z, [sp, #7, mul vl]
    {0xa480a000, "ld1sw\t{ z0.d }, p0/z, [x0]"}, // ld1sw {z0.d}, p0/z, [x0]
    {0xa4a0a000, "ld1h\t{ z0.h }, p0/z, [x0]"}, // ld1h {z0.h}, p0/z, [x0]
    {0xa4c0a000, "ld1h\t{ z0.s }, p0/z, [x0]"}, // ld1h {z0.s}, p0/z, [x0]
    {0xa4e0a000, "ld1h\t{ z0.d }, p0/z, [x0]"}, // ld1h {z0.d}, p0/z, [x0]
    {0xa500a000, "ld1sh\t{ z0.d }, p0/z, [x0]"}, // ld1sh {z0.d}, p0/z, [x0]
    {0xa520a000, "ld1sh\t{ z0.s }, p0/z, [x0]"}, // ld1sh {z0.s}, p0/z, [x0]
    {0xa540a000, "ld1w\t{ z0.s }, p0/z, [x0]"}, // ld1w {z0.s}, p0/z, [x0]
    {0xa560a000, "ld1w\t{ z0.d }, p0/z, [x0]"}, // ld1w {z0.d}, p0/z, [x0]
    {0xa580a000, "ld1sb\t{ z0.d }, p0/z, [x0]"}, // ld1sb {z0.d}, p0/z, [x0]
    {0xa5a0a000, "ld1sb\t{ z0.s }, p0/z, [x0]"}, // ld1sb {z0.s}, p0/z, [x0]
    {0xa5c0a000, "ld1sb\t{ z0.h }, p0/z, [x0]"}, // ld1sb {z0.h}, p0/z, [x0]
    {0xa5e0a000, "ld1d\t{ z0.d }, p0/z, [x0]"}, // ld1d {z0.d}, p0/z, [x0]
    {0xa4014000, "ld1b\t{ z0.b }, p0/z, [x0, x1]"}, // ld1b {z0.b}, p0/z, [x0, x1]
    {0xa4214000, "ld1b\t{ z0.h }, p0/z, [x0, x1]"}, // ld1b {z0.h}, p0/z, [x0, x1]
    {0xa4414000, "ld1b\t{ z0.s }, p0/z, [x0, x1]"}, // ld1b {z0.s}, p0/z, [x0, x1]
    {0xa4614000, "ld1b\t{ z0.d }, p0/z, [x0, x1]"}, // ld1b {z0.d}, p0/z, [x0, x1]
    {0xa4814000, "ld1sw\t{ z0.d }, p0/z, [x0, x1, lsl #2]"}, // ld1sw {z0.d}, p0/z, [x0, x1, lsl #2]
    {0xa4a14000, "ld1h\t{ z0.h }, p0/z, [x0, x1, lsl #1]"}, // ld1h {z0.h}, p0/z, [x0, x1, lsl #1]
    {0xa4c14000, "ld1h\t{ z0.s }, p0/z, [x0, x1, lsl #1]"}, // ld1h {z0.s}, p0/z, [x0, x1, lsl #1]
    {0xa4e14000, "ld1h\t{ z0.d }, p0/z, [x0, x1, lsl #1]"}, // ld1h {z0.d}, p0/z, [x0, x1, lsl #1]
    {0xa5014000, "ld1sh\t{ z0.d }, p0/z, [x0, x1, lsl #1]"}, // ld1sh {z0.d}, p0/z, [x0, x1, lsl #1]
    {0xa5214000, "ld1sh\t{ z0.s }, p0/z, [x0, x1, lsl #1]"}, // ld1sh {z0.s}, p0/z, [x0, x1, lsl #1]
    {0xa5414000, "ld1w\t{ z0.s }, p0/z, [x0, x1, lsl #2]"}, // ld1w {z0.s}, p0/z, [x0, x1, lsl #2]
    {0xa5614000, "ld1w\t{ z0.d }, p0/z, [x0, x1, lsl #2]"}, // ld1w {z0.d}, p0/z, [x0, x1, lsl #2]
    {0xa5814000, "ld1sb\t{ z0.d }, p0/z, [x0, x1]"}, // ld1sb {z0.d}, p0/z, [x0, x1]
    {0xa5a14000, "ld1sb\t{ z0.s }, p0/z, [x0, x1]"}, // ld1sb {z0.s}, p0/z, [x0, x1]
    {0xa5c143e0, "ld1sb\t{ z0.h }, p0/z, [sp, x1]"}, // ld1sb {z0.h}, p0/z, [sp, x1]
    {0xa5e14000, "ld1d\t{ z0.d }, p0/z, [x0, x1, lsl #3]"}, // ld1d {z0.d}, p0/z, [x0, x1, lsl #3]
    {0xe400e000, "st1b\t{ z0.b }, p0, [x0]"}, // st1b {z0.b}, p0, [x0]
    {0xe421e000, "st1b\t{ z0.h }, p0, [x0, #1, mul vl]"}, // st1b {z0.h}, p0, [x0, #1, mul vl]
    {0xe440e000, "st1b\t{ z0.s }, p0, [x0]"}, // st1b {z0.s}, p0, [x0]
    {0xe460e000, "st1b\t{ z0.d }, p0, [x0]"}, // st1b {z0.d}, p0, [x0]
    {0xe4a0e000, "st1h\t{ z0.h }, p0, [x0]"}, // st1h {z0.h}, p0, [x0]
    {0xe4c0e000, "st1h\t{ z0.s }, p0, [x0]"}, // st1h {z0.s}, p0, [x0]
    {0xe4efe000, "st1h\t{ z0.d }, p0, [x0, #-1, mul vl]"}, // st1h {z0.d}, p0, [x0, #-1, mul vl]
    {0xe540e000, "st1w\t{ z0.s }, p0, [x0]"}, // st1w {z0.s}, p0, [x0]
    {0xe560e000, "st1w\t{ z0.d }, p0, [x0]"}, // st1w {z0.d}, p0, [x0]
    {0xe5e0e000, "st1d\t{ z0.d }, p0, [x0]"}, // st1d {z0.d}, p0, [x0]
    {0xe4024000, "st1b\t{ z0.b }, p0, [x0, x2]"}, // st1b {z0.b}, p0, [x0, x2]
    {0xe4224000, "st1b\t{ z0.h }, p0, [x0, x2]"}, // st1b {z0.h}, p0, [x0, x2]
    {0xe4424000, "st1b\t{ z0.s }, p0, [x0, x2]"}, // st1b {z0.s}, p0, [x0, x2]
    {0xe4624000, "st1b\t{ z0.d }, p0, [x0, x2]"}, // st1b {z0.d}, p0, [x0, x2]
    {0xe4a24000, "st1h\t{ z0.h }, p0, [x0, x2, lsl #1]"}, // st1h {z0.h}, p0, [x0, x2, lsl #1]
    {0xe4c24000, "st1h\t{ z0.s }, p0, [x0, x2, lsl #1]"}, // st1h {z0.s}, p0, [x0, x2, lsl #1]
    {0xe4e24000, "st1h\t{ z0.d }, p0, [x0, x2, lsl #1]"}, // st1h {z0.d}, p0, [x0, x2, lsl #1]
    {0xe5424000, "st1w\t{ z0.s }, p0, [x0, x2, lsl #2]"}, // st1w {z0.s}, p0, [x0, x2, lsl #2]
    {0xe5624000, "st1w\t{ z0.d }, p0, [x0, x2, lsl #2]"}, // st1w {z0.d}, p0, [x0, x2, lsl #2]
    {0xe5e243e0, "st1d\t{ z0.d }, p0, [sp, x2, lsl #3]"}, // st1d {z0.d}, p0, [sp, x2, lsl #3]
    {0x2518e000, "ptrue\tp0.b, pow2"}, // ptrue p0.b, pow2
    {0x2558e020, "ptrue\tp0.h, vl1"}, // ptrue p0.h, vl1
    {0x25d8e1a0, "ptrue\tp0.d, vl256"}, // ptrue p0.d, vl256
    {0x2598e3a0, "ptrue\tp0.s, mul4"}, // ptrue p0.s, mul4
    {0x2598e3c0, "ptrue\tp0.s, mul3"}, // ptrue p0.s, mul3
    {0x2598e1a0, "ptrue\tp0.s, vl256"}, // ptrue p0.s, #13
    {0x2598e1c0, "ptrue\tp0.s, #14"}, // ptrue p0.s, #14
    {0x25d9e3e0, "ptrues\tp0.d"}, // ptrues p0.d, all
    {0x2518e403, "pfalse\tp3.b"}, // pfalse p3.b
    {0x04bf5020, "rdvl\tx0, #1"}, // rdvl x0, #1
    {0x04bf5403, "rdvl\tx3, #-32"}, // rdvl x3, #-32
    {0x04215040, "addvl\tx0, x1, #2"}, // addvl x0, x1, #2
    {0x043f57ff, "addvl\tsp, sp, #-1"}, // addvl sp, sp, #-1
    {0x047f53e0, "addpl\tx0, sp, #31"}, // addpl x0, sp, #31
    {0x0420e3e0, "cntb\tx0"}, // cntb x0
    {0x0460e020, "cnth\tx0, vl1"}, // cnth x0, vl1
    {0x04afe3e0, "cntw\tx0, all, mul #16"}, // cntw x0, all, mul #16
    {0x04e2e001, "cntd\tx1, pow2, mul #3"}, // cntd x1, pow2, mul #3
    {0x0430e3e0, "incb\tx0"}, // incb x0
    {0x0471e3e1, "inch\tx1, all, mul #2"}, // inch x1, all, mul #2
    {0x04b0e102, "incw\tx2, vl8"}, // incw x2, vl8
    {0x04f3e1c3, "incd\tx3, #14, mul #4"}, // incd x3, #14, mul #4
    {0x0430e7e0, "decb\tx0"}, // decb x0
    {0x0470e400, "dech\tx0, pow2"}, // dech x0, pow2
    {0x04b0e7e0, "decw\tx0"}, // decw x0
    {0x04ffe7e0, "decd\tx0, all, mul #16"}, // decd x0, all, mul #16
    {0x04214000, "index\tz0.b, #0, #1"}, // index z0.b, #0, #1
    {0x04ef4200, "index\tz0.d, #-16, #15"}, // index z0.d, #-16, #15
    {0x04a24420, "index\tz0.s, w1, #2"}, // index z0.s, w1, #2
    {0x04fe4420, "index\tz0.d, x1, #-2"}, // index z0.d, x1, #-2
    {0x04624860, "index\tz0.h, #3, w2"}, // index z0.h, #3, w2
    {0x04e24860, "index\tz0.d, #3, x2"}, // index z0.d, #3, x2
    {0x04a24c20, "index\tz0.s, w1, w2"}, // index z0.s, w1, w2
    {0x04ff4c20, "index\tz0.d, x1, xzr"}, // index z0.d, x1, xzr
    {0x04223020, "and\tz0.d, z1.d, z2.d"}, // and z0.d, z1.d, z2.d
    {0x04623020, "orr\tz0.d, z1.d, z2.d"}, // orr z0.d, z1.d, z2.d
    {0x04613020, "mov\tz0.d, z1.d"}, // orr z0.d, z1.d, z1.d
    {0x04a23020, "eor\tz0.d, z1.d, z2.d"}, // eor z0.d, z1.d, z2.d
    {0x04e23020, "bic\tz0.d, z1.d, z2.d"}, // bic z0.d, z1.d, z2.d
    {0x04180020, "orr\tz0.b, p0/m, z0.b, z1.b"}, // orr z0.b, p0/m, z0.b, z1.b
    {0x04590420, "eor\tz0.h, p1/m, z0.h, z1.h"}, // eor z0.h, p1/m, z0.h, z1.h
    {0x049a0820, "and\tz0.s, p2/m, z0.s, z1.s"}, // and z0.s, p2/m, z0.s, z1.s
    {0x04db0c20, "bic\tz0.d, p3/m, z0.d, z1.d"}, // bic z0.d, p3/m, z0.d, z1.d
    {0x05000000, "orr\tz0.s, z0.s, #0x1"}, // orr z0.s, z0.s, #1
    {0x050001e0, "orr\tz0.s, z0.s, #0xffff"}, // orr z0.d, z0.d, #0xffff0000ffff
    {0x05000780, "orr\tz0.b, z0.b, #0x55"}, // orr z0.b, z0.b, #0x55
    {0x05000520, "orr\tz0.h, z0.h, #0x3ff"}, // orr z0.h, z0.h, #0x3ff
    {0x0540e360, "eor\tz0.s, z0.s, #0xfffffff0"}, // eor z0.s, z0.s, #0xfffffff0
    {0x05820800, "and\tz0.d, z0.d, #0x8000000000000000"}, // and z0.d, z0.d, #0x8000000000000000
    {0x05800620, "and\tz0.b, z0.b, #0x3"}, // and z0.b, z0.b, #0x3
    {0x0580fbc0, "and\tz0.s, z0.s, #0xfffffffe"}, // bic z0.s, z0.s, #1
    {0x0500fbc0, "orr\tz0.s, z0.s, #0xfffffffe"}, // orn z0.s, z0.s, #1
    {0x0540fbc0, "eor\tz0.s, z0.s, #0xfffffffe"}, // eon z0.s, z0.s, #1
    {0x25034440, "and\tp0.b, p1/z, p2.b, p3.b"}, // and p0.b, p1/z, p2.b, p3.b
    {0x25434440, "ands\tp0.b, p1/z, p2.b, p3.b"}, // ands p0.b, p1/z, p2.b, p3.b
    {0x25034450, "bic\tp0.b, p1/z, p2.b, p3.b"}, // bic p0.b, p1/z, p2.b, p3.b
    {0x25434450, "bics\tp0.b, p1/z, p2.b, p3.b"}, // bics p0.b, p1/z, p2.b, p3.b
    {0x25034640, "eor\tp0.b, p1/z, p2.b, p3.b"}, // eor p0.b, p1/z, p2.b, p3.b
    {0x25434640, "eors\tp0.b, p1/z, p2.b, p3.b"}, // eors p0.b, p1/z, p2.b, p3.b
    {0x25034650, "sel\tp0.b, p1, p2.b, p3.b"}, // sel p0.b, p1, p2.b, p3.b
    {0x25834440, "orr\tp0.b, p1/z, p2.b, p3.b"}, // orr p0.b, p1/z, p2.b, p3.b
    {0x25c34440, "orrs\tp0.b, p1/z, p2.b, p3.b"}, // orrs p0.b, p1/z, p2.b, p3.b
    {0x25834450, "orn\tp0.b, p1/z, p2.b, p3.b"}, // orn p0.b, p1/z, p2.b, p3.b
    {0x25c34450, "orns\tp0.b, p1/z, p2.b, p3.b"}, // orns p0.b, p1/z, p2.b, p3.b
    {0x25834640, "nor\tp0.b, p1/z, p2.b, p3.b"}, // nor p0.b, p1/z, p2.b, p3.b
    {0x25c34640, "nors\tp0.b, p1/z, p2.b, p3.b"}, // nors p0.b, p1/z, p2.b, p3.b
    {0x25834650, "nand\tp0.b, p1/z, p2.b, p3.b"}, // nand p0.b, p1/z, p2.b, p3.b
    {0x25c34650, "nands\tp0.b, p1/z, p2.b, p3.b"}, // nands p0.b, p1/z, p2.b, p3.b
    {0x25814420, "mov\tp0.b, p1.b"}, // mov p0.b, p1.b
    {0x25c14420, "movs\tp0.b, p1.b"}, // movs p0.b, p1.b
    {0x25014820, "mov\tp0.b, p2/z, p1.b"}, // mov p0.b, p2/z, p1.b
    {0x25414820, "movs\tp0.b, p2/z, p1.b"}, // movs p0.b, p2/z, p1.b
    {0x25004a30, "mov\tp0.b, p2/m, p1.b"}, // mov p0.b, p2/m, p1.b
    {0x25024a20, "not\tp0.b, p2/z, p1.b"}, // not p0.b, p2/z, p1.b
    {0x25424a20, "nots\tp0.b, p2/z, p1.b"}, // nots p0.b, p2/z, p1.b
    {0x25824440, "orr\tp0.b, p1/z, p2.b, p2.b"}, // orr p0.b, p1/z, p2.b, p2.b
    {0x25824820, "orr\tp0.b, p2/z, p1.b, p2.b"}, // orr p0.b, p2/z, p1.b, p2.b
    {0x25024840, "mov\tp0.b, p2/z, p2.b"}, // and p0.b, p2/z, p2.b, p2.b
    {0x25024650, "sel\tp0.b, p1, p2.b, p2.b"}, // sel p0.b, p1, p2.b, p2.b
    {0x25014640, "not\tp0.b, p1/z, p2.b"}, // eor p0.b, p1/z, p2.b, p1.b
    {0x04220020, "add\tz0.b, z1.b, z2.b"}, // add z0.b, z1.b, z2.b
    {0x04e20420, "sub\tz0.d, z1.d, z2.d"}, // sub z0.d, z1.d, z2.d
    {0x04400440, "add\tz0.h, p1/m, z0.h, z2.h"}, // add z0.h, p1/m, z0.h, z2.h
    {0x04810440, "sub\tz0.s, p1/m, z0.s, z2.s"}, // sub z0.s, p1/m, z0.s, z2.s
    {0x04830440, "subr\tz0.s, p1/m, z0.s, z2.s"}, // subr z0.s, p1/m, z0.s, z2.s
    {0x2520dfe0, "add\tz0.b, z0.b, #255"}, // add z0.b, z0.b, #255
    {0x2560dfe0, "add\tz0.h, z0.h, #255"}, // add z0.h, z0.h, #255
    {0x2560e020, "add\tz0.h, z0.h, #256"}, // add z0.h, z0.h, #1, lsl #8
    {0x25a0e000, "add\tz0.s, z0.s, #0, lsl #8"}, // add z0.s, z0.s, #0, lsl #8
    {0x25e1ffe0, "sub\tz0.d, z0.d, #65280"}, // sub z0.d, z0.d, #65280
    {0x25e3c060, "subr\tz0.d, z0.d, #3"}, // subr z0.d, z0.d, #3
    {0x25e4c060, "sqadd\tz0.d, z0.d, #3"}, // sqadd z0.d, z0.d, #3
    {0x25e5c060, "uqadd\tz0.d, z0.d, #3"}, // uqadd z0.d, z0.d, #3
    {0x25e6c060, "sqsub\tz0.d, z0.d, #3"}, // sqsub z0.d, z0.d, #3
    {0x25e7c060, "uqsub\tz0.d, z0.d, #3"}, // uqsub z0.d, z0.d, #3
    {0x04e11000, "sqadd\tz0.d, z0.d, z1.d"}, // sqadd z0.d, z0.d, z1.d
    {0x04e11400, "uqadd\tz0.d, z0.d, z1.d"}, // uqadd z0.d, z0.d, z1.d
    {0x04e11800, "sqsub\tz0.d, z0.d, z1.d"}, // sqsub z0.d, z0.d, z1.d
    {0x04e11c00, "uqsub\tz0.d, z0.d, z1.d"}, // uqsub z0.d, z0.d, z1.d
    {0x2403a440, "cmpeq\tp0.b, p1/z, z2.b, z3.b"}, // cmpeq p0.b, p1/z, z2.b, z3.b
    {0x2443a450, "cmpne\tp0.h, p1/z, z2.h, z3.h"}, // cmpne p0.h, p1/z, z2.h, z3.h
    {0x24838440, "cmpge\tp0.s, p1/z, z2.s, z3.s"}, // cmpge p0.s, p1/z, z2.s, z3.s
    {0x24c38450, "cmpgt\tp0.d, p1/z, z2.d, z3.d"}, // cmpgt p0.d, p1/z, z2.d, z3.d
    {0x24c28470, "cmpgt\tp0.d, p1/z, z3.d, z2.d"}, // cmplt p0.d, p1/z, z2.d, z3.d
    {0x24c28460, "cmpge\tp0.d, p1/z, z3.d, z2.d"}, // cmple p0.d, p1/z, z2.d, z3.d
    {0x24030450, "cmphi\tp0.b, p1/z, z2.b, z3.b"}, // cmphi p0.b, p1/z, z2.b, z3.b
    {0x24030440, "cmphs\tp0.b, p1/z, z2.b, z3.b"}, // cmphs p0.b, p1/z, z2.b, z3.b
    {0x24020470, "cmphi\tp0.b, p1/z, z3.b, z2.b"}, // cmplo p0.b, p1/z, z2.b, z3.b
    {0x24020460, "cmphs\tp0.b, p1/z, z3.b, z2.b"}, // cmpls p0.b, p1/z, z2.b, z3.b
    {0x24032440, "cmpeq\tp0.b, p1/z, z2.b, z3.d"}, // cmpeq p0.b, p1/z, z2.b, z3.d
    {0x24032450, "cmpne\tp0.b, p1/z, z2.b, z3.d"}, // cmpne p0.b, p1/z, z2.b, z3.d
    {0x24034440, "cmpge\tp0.b, p1/z, z2.b, z3.d"}, // cmpge p0.b, p1/z, z2.b, z3.d
    {0x24034450, "cmpgt\tp0.b, p1/z, z2.b, z3.d"}, // cmpgt p0.b, p1/z, z2.b, z3.d
    {0x24036440, "cmplt\tp0.b, p1/z, z2.b, z3.d"}, // cmplt p0.b, p1/z, z2.b, z3.d
    {0x24036450, "cmple\tp0.b, p1/z, z2.b, z3.d"}, // cmple p0.b, p1/z, z2.b, z3.d
    {0x2403c450, "cmphi\tp0.b, p1/z, z2.b, z3.d"}, // cmphi p0.b, p1/z, z2.b, z3.d
    {0x2403c440, "cmphs\tp0.b, p1/z, z2.b, z3.d"}, // cmphs p0.b, p1/z, z2.b, z3.d
    {0x2403e440, "cmplo\tp0.b, p1/z, z2.b, z3.d"}, // cmplo p0.b, p1/z, z2.b, z3.d
    {0x2403e450, "cmpls\tp0.b, p1/z, z2.b, z3.d"}, // cmpls p0.b, p1/z, z2.b, z3.d
    {0x25108440, "cmpeq\tp0.b, p1/z, z2.b, #-16"}, // cmpeq p0.b, p1/z, z2.b, #-16
    {0x254f8450, "cmpne\tp0.h, p1/z, z2.h, #15"}, // cmpne p0.h, p1/z, z2.h, #15
    {0x25800440, "cmpge\tp0.s, p1/z, z2.s, #0"}, // cmpge p0.s, p1/z, z2.s, #0
    {0x25c10450, "cmpgt\tp0.d, p1/z, z2.d, #1"}, // cmpgt p0.d, p1/z, z2.d, #1
    {0x25c22440, "cmplt\tp0.d, p1/z, z2.d, #2"}, // cmplt p0.d, p1/z, z2.d, #2
    {0x25c32450, "cmple\tp0.d, p1/z, z2.d, #3"}, // cmple p0.d, p1/z, z2.d, #3
    {0x243fc450, "cmphi\tp0.b, p1/z, z2.b, #127"}, // cmphi p0.b, p1/z, z2.b, #127
    {0x24200440, "cmphs\tp0.b, p1/z, z2.b, #0"}, // cmphs p0.b, p1/z, z2.b, #0
    {0x24212440, "cmplo\tp0.b, p1/z, z2.b, #4"}, // cmplo p0.b, p1/z, z2.b, #4
    {0x24216450, "cmpls\tp0.b, p1/z, z2.b, #5"}, // cmpls p0.b, p1/z, z2.b, #5
    {0x25221420, "whilelt\tp0.b, x1, x2"}, // whilelt p0.b, x1, x2
    {0x25620420, "whilelt\tp0.h, w1, w2"}, // whilelt p0.h, w1, w2
    {0x25a21430, "whilele\tp0.s, x1, x2"}, // whilele p0.s, x1, x2
    {0x25e20430, "whilele\tp0.d, w1, w2"}, // whilele p0.d, w1, w2
    {0x25221c20, "whilelo\tp0.b, x1, x2"}, // whilelo p0.b, x1, x2
    {0x25620c20, "whilelo\tp0.h, w1, w2"}, // whilelo p0.h, w1, w2
    {0x25a21ff0, "whilels\tp0.s, xzr, x2"}, // whilels p0.s, xzr, x2
    {0x25ff0c30, "whilels\tp0.d, w1, wzr"}, // whilels p0.d, w1, wzr
    {0x0523c440, "sel\tz0.b, p1, z2.b, z3.b"}, // sel z0.b, p1, z2.b, z3.b
    {0x05e0fc40, "mov\tz0.d, p15/m, z2.d"}, // sel z0.d, p15, z2.d, z0.d
    {0x2550c440, "ptest\tp1, p2.b"}, // ptest p1, p2.b
    {0x252c9000, "setffr"}, // setffr
    {0x2519f000, "rdffr\tp0.b"}, // rdffr p0.b
    {0x2518f020, "rdffr\tp0.b, p1/z"}, // rdffr p0.b, p1/z
    {0x2558f020, "rdffrs\tp0.b, p1/z"}, // rdffrs p0.b, p1/z
    {0x25289060, "wrffr\tp3.b"}, // wrffr p3.b
    {0x04012020, "uaddv\td0, p0, z1.b"}, // uaddv d0, p0, z1.b
    {0x04c13c23, "uaddv\td3, p7, z1.d"}, // uaddv d3, p7, z1.d
    {0x0420bc20, "movprfx\tz0, z1"}, // movprfx z0, z1
    {0x04902440, "movprfx\tz0.s, p1/z, z2.s"}, // movprfx z0.s, p1/z, z2.s
    {0x04d12440, "movprfx\tz0.d, p1/m, z2.d"}, // movprfx z0.d, p1/m, z2.d
    {0x2538dfe0, "mov\tz0.b, #-1"}, // dup z0.b, #-1
    {0x25f8efe0, "mov\tz0.d, #32512"}, // dup z0.d, #127, lsl #8
    {0x05516000, "mov\tz0.h, p1/m, #0, lsl #8"}, // cpy z0.h, p1/m, #0, lsl #8
    {0x05513000, "mov\tz0.h, p1/z, #-32768"}, // cpy z0.h, p1/z, #-128, lsl #8
    {0x05111fe0, "mov\tz0.b, p1/z, #-1"}, // cpy z0.b, p1/z, #-1
    {0x2558e000, "ptrue\tp0.h, pow2"}, // ptrue p0.h, #0
    {0x2558e021, "ptrue\tp1.h, vl1"}, // ptrue p1.h, #1
    {0x2558e042, "ptrue\tp2.h, vl2"}, // ptrue p2.h, #2
    {0x2558e063, "ptrue\tp3.h, vl3"}, // ptrue p3.h, #3
    {0x2558e084, "ptrue\tp4.h, vl4"}, // ptrue p4.h, #4
    {0x2558e0a5, "ptrue\tp5.h, vl5"}, // ptrue p5.h, #5
    {0x2558e0c6, "ptrue\tp6.h, vl6"}, // ptrue p6.h, #6
    {0x2558e0e7, "ptrue\tp7.h, vl7"}, // ptrue p7.h, #7
    {0x2558e108, "ptrue\tp8.h, vl8"}, // ptrue p8.h, #8
    {0x2558e129, "ptrue\tp9.h, vl16"}, // ptrue p9.h, #9
    {0x2558e14a, "ptrue\tp10.h, vl32"}, // ptrue p10.h, #10
    {0x2558e16b, "ptrue\tp11.h, vl64"}, // ptrue p11.h, #11
    {0x2558e18c, "ptrue\tp12.h, vl128"}, // ptrue p12.h, #12
    {0x2558e1ad, "ptrue\tp13.h, vl256"}, // ptrue p13.h, #13
    {0x2558e1ce, "ptrue\tp14.h, #14"}, // ptrue p14.h, #14
    {0x2558e1ef, "ptrue\tp15.h, #15"}, // ptrue p15.h, #15
    {0x2558e200, "ptrue\tp0.h, #16"}, // ptrue p0.h, #16
    {0x2558e221, "ptrue\tp1.h, #17"}, // ptrue p1.h, #17
    {0x2558e242, "ptrue\tp2.h, #18"}, // ptrue p2.h, #18
    {0x2558e263, "ptrue\tp3.h, #19"}, // ptrue p3.h, #19
    {0x2558e284, "ptrue\tp4.h, #20"}, // ptrue p4.h, #20
    {0x2558e2a5, "ptrue\tp5.h, #21"}, // ptrue p5.h, #21
    {0x2558e2c6, "ptrue\tp6.h, #22"}, // ptrue p6.h, #22
    {0x2558e2e7, "ptrue\tp7.h, #23"}, // ptrue p7.h, #23
    {0x2558e308, "ptrue\tp8.h, #24"}, // ptrue p8.h, #24
    {0x2558e329, "ptrue\tp9.h, #25"}, // ptrue p9.h, #25
    {0x2558e34a, "ptrue\tp10.h, #26"}, // ptrue p10.h, #26
    {0x2558e36b, "ptrue\tp11.h, #27"}, // ptrue p11.h, #27
    {0x2558e38c, "ptrue\tp12.h, #28"}, // ptrue p12.h, #28
    {0x2558e3ad, "ptrue\tp13.h, mul4"}, // ptrue p13.h, #29
    {0x2558e3ce, "ptrue\tp14.h, mul3"}, // ptrue p14.h, #30
    {0x2558e3ef, "ptrue\tp15.h"}, // ptrue p15.h, #31
    {0x2599e003, "ptrues\tp3.s, pow2"}, // ptrues p3.s, #0
    {0x0460e000, "cnth\tx0, pow2"}, // cnth x0, #0, mul #1
    {0x04b0e402, "decw\tx2, pow2"}, // decw x2, #0
    {0x04f6e01e, "incd\tx30, pow2, mul #7"}, // incd x30, #0, mul #7
    {0x2599e0a3, "ptrues\tp3.s, vl5"}, // ptrues p3.s, #5
    {0x0465e0a5, "cnth\tx5, vl5, mul #6"}, // cnth x5, #5, mul #6
    {0x04b0e4a2, "decw\tx2, vl5"}, // decw x2, #5
    {0x04f6e0be, "incd\tx30, vl5, mul #7"}, // incd x30, #5, mul #7
    {0x2599e1a3, "ptrues\tp3.s, vl256"}, // ptrues p3.s, #13
    {0x046de1ad, "cnth\tx13, vl256, mul #14"}, // cnth x13, #13, mul #14
    {0x04b0e5a2, "decw\tx2, vl256"}, // decw x2, #13
    {0x04f6e1be, "incd\tx30, vl256, mul #7"}, // incd x30, #13, mul #7
    {0x2599e1c3, "ptrues\tp3.s, #14"}, // ptrues p3.s, #14
    {0x046ee1ce, "cnth\tx14, #14, mul #15"}, // cnth x14, #14, mul #15
    {0x04b0e5c2, "decw\tx2, #14"}, // decw x2, #14
    {0x04f6e1de, "incd\tx30, #14, mul #7"}, // incd x30, #14, mul #7
    {0x2599e3a3, "ptrues\tp3.s, mul4"}, // ptrues p3.s, #29
    {0x046de3bd, "cnth\tx29, mul4, mul #14"}, // cnth x29, #29, mul #14
    {0x04b0e7a2, "decw\tx2, mul4"}, // decw x2, #29
    {0x04f6e3be, "incd\tx30, mul4, mul #7"}, // incd x30, #29, mul #7
    {0x2599e3c3, "ptrues\tp3.s, mul3"}, // ptrues p3.s, #30
    {0x046ee3de, "cnth\tx30, mul3, mul #15"}, // cnth x30, #30, mul #15
    {0x04b0e7c2, "decw\tx2, mul3"}, // decw x2, #30
    {0x04f6e3de, "incd\tx30, mul3, mul #7"}, // incd x30, #30, mul #7
    {0x2599e3e3, "ptrues\tp3.s"}, // ptrues p3.s, #31
    {0x046fe3fe, "cnth\tx30, all, mul #16"}, // cnth x30, #31, mul #16
    {0x04b0e7e2, "decw\tx2"}, // decw x2, #31
    {0x04f6e3fe, "incd\tx30, all, mul #7"}, // incd x30, #31, mul #7
    {0x2578e000, "mov\tz0.h, #0, lsl #8"}, // dup z0.h, #0, lsl #8
    {0x25b8f01f, "mov\tz31.s, #-32768"}, // dup z31.s, #-128, lsl #8
    {0x25f8c025, "mov\tz5.d, #1"}, // dup z5.d, #1
    {0x2538cfe7, "mov\tz7.b, #127"}, // mov z7.b, #127
    {0x059f2003, "mov\tz3.s, p15/z, #0, lsl #8"}, // cpy z3.s, p15/z, #0, lsl #8
    {0x05df5003, "mov\tz3.d, p15/m, #-128"}, // cpy z3.d, p15/m, #-128
    {0x0568a441, "mov\tz1.h, p1/m, w2"}, // mov z1.h, p1/m, w2
    {0x0528a7e1, "mov\tz1.b, p1/m, wsp"}, // mov z1.b, p1/m, wsp
    {0x056087c1, "mov\tz1.h, p1/m, h30"}, // mov z1.h, p1/m, h30
    {0x05e087c1, "mov\tz1.d, p1/m, d30"}, // mov z1.d, p1/m, d30
    {0x047f43ff, "index\tz31.h, #-1, #-1"}, // index z31.h, #-1, #-1
    {0x043f4fc1, "index\tz1.b, w30, wzr"}, // index z1.b, w30, wzr
    {0x85bf5fc5, "ldr\tz5, [x30, #-1, mul vl]"}, // ldr z5, [x30, #-1, mul vl]
    {0xe58043ff, "str\tz31, [sp]"}, // str z31, [sp]
    {0xe59f1fef, "str\tp15, [sp, #255, mul vl]"}, // str p15, [sp, #255, mul vl]
    {0x85a00067, "ldr\tp7, [x3, #-256, mul vl]"}, // ldr p7, [x3, #-256, mul vl]
    {0xa5e8bfdf, "ld1d\t{ z31.d }, p7/z, [x30, #-8, mul vl]"}, // ld1d {z31.d}, p7/z, [x30, #-8, mul vl]
    {0xa49e4be3, "ld1sw\t{ z3.d }, p2/z, [sp, x30, lsl #2]"}, // ld1sw {z3.d}, p2/z, [sp, x30, lsl #2]
    {0xe5e7ffdf, "st1d\t{ z31.d }, p7, [x30, #7, mul vl]"}, // st1d {z31.d}, p7, [x30, #7, mul vl]
    {0xe55d4fe7, "st1w\t{ z7.s }, p3, [sp, x29, lsl #2]"}, // st1w {z7.s}, p3, [sp, x29, lsl #2]
    {0x047d33df, "orr\tz31.d, z30.d, z29.d"}, // orr z31.d, z30.d, z29.d
    {0x058004e7, "and\tz7.h, z7.h, #0xff"}, // and z7.h, z7.h, #0xff
    {0x05400787, "eor\tz7.b, z7.b, #0x55"}, // eor z7.d, z7.d, #0x5555555555555555
    {0x05800607, "and\tz7.b, z7.b, #0x1"}, // and z7.b, z7.b, #0x1
    {0x05000c07, "orr\tz7.h, z7.h, #0x8000"}, // orr z7.h, z7.h, #0x8000
    {0x05400803, "eor\tz3.s, z3.s, #0x80000000"}, // eor z3.s, z3.s, #0x80000000
    {0x04c01c1f, "add\tz31.d, p7/m, z31.d, z0.d"}, // add z31.d, p7/m, z31.d, z0.d
    {0x040303e1, "subr\tz1.b, p0/m, z1.b, z31.b"}, // subr z1.b, p0/m, z1.b, z31.b
    {0x04d81c41, "orr\tz1.d, p7/m, z1.d, z2.d"}, // orr z1.d, p7/m, z1.d, z2.d
    {0x041a1c21, "and\tz1.b, p7/m, z1.b, z1.b"}, // and z1.b, p7/m, z1.b, z1.b
    {0x2520c000, "add\tz0.b, z0.b, #0"}, // add z0.b, z0.b, #0
    {0x25a1ffe0, "sub\tz0.s, z0.s, #65280"}, // sub z0.s, z0.s, #255, lsl #8
    {0x2527d01e, "uqsub\tz30.b, z30.b, #128"}, // uqsub z30.b, z30.b, #128
    {0x2566e01e, "sqsub\tz30.h, z30.h, #0, lsl #8"}, // sqsub z30.h, z30.h, #0, lsl #8
    {0x25df9fef, "cmpeq\tp15.d, p7/z, z31.d, #-1"}, // cmpeq p15.d, p7/z, z31.d, #-1
    {0x24debfff, "cmpne\tp15.d, p7/z, z31.d, z30.d"}, // cmpne p15.d, p7/z, z31.d, z30.d
    {0x24a01fff, "cmphi\tp15.s, p7/z, z31.s, #0"}, // cmphi p15.s, p7/z, z31.s, #0
    {0x24793fff, "cmpls\tp15.h, p7/z, z31.h, #100"}, // cmpls p15.h, p7/z, z31.h, #100
    {0x24437fef, "cmplt\tp15.h, p7/z, z31.h, z3.d"}, // cmplt p15.h, p7/z, z31.h, z3.d
    {0x25ff1fef, "whilelo\tp15.d, xzr, xzr"}, // whilelo p15.d, xzr, xzr
    {0x253e07ff, "whilele\tp15.b, wzr, w30"}, // whilele p15.b, wzr, w30
    {0x2550fc00, "ptest\tp15, p0.b"}, // ptest p15, p0.b
    {0x2558f1ef, "rdffrs\tp15.b, p15/z"}, // rdffrs p15.b, p15/z
    {0x252891e0, "wrffr\tp15.b"}, // wrffr p15.b
    {0x2519f00f, "rdffr\tp15.b"}, // rdffr p15.b
    {0x2518e40f, "pfalse\tp15.b"}, // pfalse p15.b
    {0x04413fff, "uaddv\td31, p7, z31.h"}, // uaddv d31, p7, z31.h
    {0x0420bfff, "movprfx\tz31, z31"}, // movprfx z31, z31
    {0x04113c1f, "movprfx\tz31.b, p7/m, z0.b"}, // movprfx z31.b, p7/m, z0.b
    {0x04503c1f, "movprfx\tz31.h, p7/z, z0.h"}, // movprfx z31.h, p7/z, z0.h
    {0x05a0ffff, "sel\tz31.s, p15, z31.s, z0.s"}, // sel z31.s, p15, z31.s, z0.s
    {0x05bffc1f, "mov\tz31.s, p15/m, z0.s"}, // sel z31.s, p15, z0.s, z31.s
    {0x047f33ff, "mov\tz31.d, z31.d"}, // mov z31.d, z31.d
    {0x04bf53fe, "rdvl\tx30, #31"}, // rdvl x30, #31
    {0x04bf503f, "rdvl\txzr, #1"}, // rdvl xzr, #1
    {0x043f541e, "addvl\tx30, sp, #-32"}, // addvl x30, sp, #-32
    {0x0460503f, "addpl\tsp, x0, #1"}, // addpl sp, x0, #1
    {0x0421e1be, "cntb\tx30, vl256, mul #2"}, // cntb x30, vl256, mul #2
    {0x0430e3ff, "incb\txzr"}, // incb xzr
    {0x05c00000, "dupm\tz0.s, #0x1"}, // dupm z0.s, #0x1
    {0x05c02d01, "mov\tz1.h, #-2033"}, // dupm z1.h, #0xf80f
    {0x05c370a2, "mov\tz2.d, #0xfc0000"}, // dupm z2.d, #0xfc0000
    {0x05c02663, "dupm\tz3.b, #0xf0"}, // dupm z3.b, #0xf0
    {0x05c0c0e4, "mov\tz4.s, #65280"}, // dupm z4.s, #0xff00
    {0x05c082e5, "mov\tz5.s, #0xffff00ff"}, // dupm z5.s, #0xffff00ff
    {0x05c3e766, "dupm\tz6.d, #0xfffffffffffffff0"}, // dupm z6.d, #0xfffffffffffffff0
    {0x05c0e367, "dupm\tz7.s, #0xfffffff0"}, // dupm z7.s, #0xfffffff0
    {0x05c06548, "mov\tz8.h, #32752"}, // dupm z8.h, #0x7ff0
    {0x05c3ffa9, "mov\tz9.d, #0x7ffffffffffffffe"}, // dupm z9.d, #0x7ffffffffffffffe
    {0x05c0f1ea, "mov\tz10.s, #0x3fffc"}, // dupm z10.s, #0x3fffc
    {0x05c004eb, "mov\tz11.h, #255"}, // dupm z11.h, #0xff
    {0x05c3c0ec, "mov\tz12.d, #65280"}, // dupm z12.d, #0xff00
    {0x05c003cd, "mov\tz13.s, #0x7fffffff"}, // dupm z13.s, #0x7fffffff
    {0x05c07dce, "dupm\tz14.h, #0xfffe"}, // dupm z14.h, #0xfffe
    {0x05c001ef, "mov\tz15.s, #65535"}, // dupm z15.s, #0xffff
    {0x05c381f0, "mov\tz16.d, #0xffff0000"}, // dupm z16.d, #0xffff0000
    // Integer, predicate and permute rows added for issue 11: words and text from llvm-mc.
    {0x25b0d001, "mul\tz1.s, z1.s, #-128"},
    {0x2528cfe1, "smax\tz1.b, z1.b, #127"},
    {0x256adfe1, "smin\tz1.h, z1.h, #-1"},
    {0x25e9dfe1, "umax\tz1.d, z1.d, #255"},
    {0x25abc061, "umin\tz1.s, z1.s, #3"},
    {0x040385e1, "lsl\tz1.b, p1/m, z1.b, #7"},
    {0x040387e1, "lsl\tz1.h, p1/m, z1.h, #15"},
    {0x044387e1, "lsl\tz1.s, p1/m, z1.s, #31"},
    {0x04c387e1, "lsl\tz1.d, p1/m, z1.d, #63"},
    {0x040085e1, "asr\tz1.b, p1/m, z1.b, #1"},
    {0x04808401, "asr\tz1.d, p1/m, z1.d, #64"},
    {0x04418401, "lsr\tz1.s, p1/m, z1.s, #32"},
    {0x04048601, "asrd\tz1.h, p1/m, z1.h, #16"},
    {0x042f9c41, "lsl\tz1.b, z2.b, #7"},
    {0x04309041, "asr\tz1.h, z2.h, #16"},
    {0x04a09441, "lsr\tz1.d, z2.d, #64"},
    {0x041b8461, "lsl\tz1.b, p1/m, z1.b, z3.d"},
    {0x04988461, "asr\tz1.s, p1/m, z1.s, z3.d"},
    {0x04598461, "lsr\tz1.h, p1/m, z1.h, z3.d"},
    {0x04238c41, "lsl\tz1.b, z2.b, z3.d"},
    {0x04a38041, "asr\tz1.s, z2.s, z3.d"},
    {0x04638441, "lsr\tz1.h, z2.h, z3.d"},
    {0x04d08461, "asr\tz1.d, p1/m, z1.d, z3.d"},
    {0x04d18461, "lsr\tz1.d, p1/m, z1.d, z3.d"},
    {0x04d38461, "lsl\tz1.d, p1/m, z1.d, z3.d"},
    {0x04d48461, "asrr\tz1.d, p1/m, z1.d, z3.d"},
    {0x04d58461, "lsrr\tz1.d, p1/m, z1.d, z3.d"},
    {0x04d78461, "lslr\tz1.d, p1/m, z1.d, z3.d"},
    {0x2558c041, "pfirst\tp1.b, p2, p1.b"},
    {0x2599c441, "pnext\tp1.s, p2, p1.s"},
    {0x25608861, "cntp\tx1, p2, p3.h"},
    {0x05b83841, "rev\tz1.s, z2.s"},
    {0x05744041, "rev\tp1.h, p2.h"},
    {0x05e43841, "insr\tz1.d, x2"},
    {0x05a43be1, "insr\tz1.s, wzr"},
    {0x05343861, "insr\tz1.b, b3"},
    {0x05f43861, "insr\tz1.d, d3"},
    {0x053f1c41, "ext\tz1.b, z1.b, z2.b, #255"},
    {0x05633041, "tbl\tz1.h, { z2.h }, z3.h"},
    {0x04802861, "saddv\td1, p2, z3.s"},
    {0x04c12861, "uaddv\td1, p2, z3.d"},
    {0x04082861, "smaxv\tb1, p2, z3.b"},
    {0x044a2861, "sminv\th1, p2, z3.h"},
    {0x04892861, "umaxv\ts1, p2, z3.s"},
    {0x04cb2861, "uminv\td1, p2, z3.d"},
    {0x041a2861, "andv\tb1, p2, z3.b"},
    {0x04582861, "orv\th1, p2, z3.h"},
    {0x04d92861, "eorv\td1, p2, z3.d"},
    {0x05ac8861, "splice\tz1.s, p2, z1.s, z3.s"},
    {0x05a18861, "compact\tz1.s, p2, z3.s"},
    {0x05e18861, "compact\tz1.d, p2, z3.d"},
    {0x0520a861, "lasta\tw1, p2, z3.b"},
    {0x05e1a861, "lastb\tx1, p2, z3.d"},
    {0x05228861, "lasta\tb1, p2, z3.b"},
    {0x05e38861, "lastb\td1, p2, z3.d"},
    {0x0570a861, "clasta\tw1, p2, w1, z3.h"},
    {0x05f1a861, "clastb\tx1, p2, x1, z3.d"},
    {0x05aa8861, "clasta\ts1, p2, s1, z3.s"},
    {0x056b8861, "clastb\th1, p2, h1, z3.h"},
    {0x05a88861, "clasta\tz1.s, p2, z1.s, z3.s"},
    {0x05298861, "clastb\tz1.b, p2, z1.b, z3.b"},
    {0x04940861, "sdiv\tz1.s, p2/m, z1.s, z3.s"},
    {0x04d50861, "udiv\tz1.d, p2/m, z1.d, z3.d"},
    {0x04960861, "sdivr\tz1.s, p2/m, z1.s, z3.s"},
    {0x04d70861, "udivr\tz1.d, p2/m, z1.d, z3.d"},
    {0x0421f001, "sqincb\tx1, w1, pow2, mul #2"},
    {0x0430f3e1, "sqincb\tx1"},
    {0x0420f7e1, "uqincb\tw1"},
    {0x0430f7e1, "uqincb\tx1"},
    {0x0420fbe1, "sqdecb\tx1, w1"},
    {0x0420ffe1, "uqdecb\tw1"},
    {0x0470f3e1, "sqinch\tx1"},
    {0x04b0f3e1, "sqincw\tx1"},
    {0x04f0f3e1, "sqincd\tx1"},
    {0x0460c3e1, "sqinch\tz1.h"},
    {0x0462c441, "uqinch\tz1.h, vl2, mul #3"},
    {0x0460cbe1, "sqdech\tz1.h"},
    {0x0460cfe1, "uqdech\tz1.h"},
    {0x04a0c3e1, "sqincw\tz1.s"},
    {0x04e0c3e1, "sqincd\tz1.d"},
    {0x252c8841, "incp\tx1, p2.b"},
    {0x25ed8841, "decp\tx1, p2.d"},
    {0x256c8041, "incp\tz1.h, p2.h"},
    {0x25ed8041, "decp\tz1.d, p2.d"},
    {0x25288841, "sqincp\tx1, p2.b, w1"},
    {0x25288c41, "sqincp\tx1, p2.b"},
    {0x25298841, "uqincp\tw1, p2.b"},
    {0x25298c41, "uqincp\tx1, p2.b"},
    {0x252a8841, "sqdecp\tx1, p2.b, w1"},
    {0x256b8c41, "uqdecp\tx1, p2.h"},
    {0x25688041, "sqincp\tz1.h, p2.h"},
    {0x25ab8041, "uqdecp\tz1.s, p2.s"},
    {0x0470c3e1, "inch\tz1.h"},
    {0x04f3c461, "decd\tz1.d, vl3, mul #4"},
    {0x04b0c3e1, "incw\tz1.s"},
    {0x05634041, "zip1\tp1.h, p2.h, p3.h"},
    {0x05634441, "zip2\tp1.h, p2.h, p3.h"},
    {0x05a34841, "uzp1\tp1.s, p2.s, p3.s"},
    {0x05a34c41, "uzp2\tp1.s, p2.s, p3.s"},
    {0x05e35041, "trn1\tp1.d, p2.d, p3.d"},
    {0x05235441, "trn2\tp1.b, p2.b, p3.b"},
    {0x05304041, "punpklo\tp1.h, p2.b"},
    {0x05314041, "punpkhi\tp1.h, p2.b"},
    {0x05636041, "zip1\tz1.h, z2.h, z3.h"},
    {0x05636441, "zip2\tz1.h, z2.h, z3.h"},
    {0x05636841, "uzp1\tz1.h, z2.h, z3.h"},
    {0x05636c41, "uzp2\tz1.h, z2.h, z3.h"},
    {0x05637041, "trn1\tz1.h, z2.h, z3.h"},
    {0x05637441, "trn2\tz1.h, z2.h, z3.h"},
    {0x05703841, "sunpklo\tz1.h, z2.b"},
    {0x05713841, "sunpkhi\tz1.h, z2.b"},
    {0x05723841, "uunpklo\tz1.h, z2.b"},
    {0x05f33841, "uunpkhi\tz1.d, z2.s"},
    {0x05648861, "revb\tz1.h, p2/m, z3.h"},
    {0x05a58861, "revh\tz1.s, p2/m, z3.s"},
    {0x05e68861, "revw\tz1.d, p2/m, z3.d"},
    {0x05278861, "rbit\tz1.b, p2/m, z3.b"},
    {0x05ff2041, "mov\tz1.b, z2.b[63]"},
    {0x05f02041, "mov\tz1.q, z2.q[3]"},
    {0x05282041, "mov\tz1.d, d2"},
    {0x25104861, "brka\tp1.b, p2/z, p3.b"},
    {0x25104871, "brka\tp1.b, p2/m, p3.b"},
    {0x25504861, "brkas\tp1.b, p2/z, p3.b"},
    {0x25904861, "brkb\tp1.b, p2/z, p3.b"},
    {0x25904871, "brkb\tp1.b, p2/m, p3.b"},
    {0x25d04861, "brkbs\tp1.b, p2/z, p3.b"},
    {0x25184861, "brkn\tp1.b, p2/z, p3.b, p1.b"},
    {0x25584861, "brkns\tp1.b, p2/z, p3.b, p1.b"},
    {0x2504c861, "brkpa\tp1.b, p2/z, p3.b, p4.b"},
    {0x2544c861, "brkpas\tp1.b, p2/z, p3.b, p4.b"},
    {0x2504c871, "brkpb\tp1.b, p2/z, p3.b, p4.b"},
    {0x2544c871, "brkpbs\tp1.b, p2/z, p3.b, p4.b"},
    {0x25a22020, "ctermeq\tw1, w2"},
    {0x25e22030, "ctermne\tx1, x2"},
    {0x04444861, "mla\tz1.h, p2/m, z3.h, z4.h"},
    {0x04446861, "mls\tz1.h, p2/m, z3.h, z4.h"},
    {0x0443c881, "mad\tz1.h, p2/m, z3.h, z4.h"},
    {0x0443e881, "msb\tz1.h, p2/m, z3.h, z4.h"},
    {0x0456a861, "abs\tz1.h, p2/m, z3.h"},
    {0x0457a861, "neg\tz1.h, p2/m, z3.h"},
    {0x0458a861, "cls\tz1.h, p2/m, z3.h"},
    {0x0459a861, "clz\tz1.h, p2/m, z3.h"},
    {0x045aa861, "cnt\tz1.h, p2/m, z3.h"},
    {0x045ba861, "cnot\tz1.h, p2/m, z3.h"},
    {0x045ea861, "not\tz1.h, p2/m, z3.h"},
    {0x0450a861, "sxtb\tz1.h, p2/m, z3.h"},
    {0x0451a861, "uxtb\tz1.h, p2/m, z3.h"},
    {0x0492a861, "sxth\tz1.s, p2/m, z3.s"},
    {0x0493a861, "uxth\tz1.s, p2/m, z3.s"},
    {0x04d4a861, "sxtw\tz1.d, p2/m, z3.d"},
    {0x04d5a861, "uxtw\tz1.d, p2/m, z3.d"},
    {0x44830041, "sdot\tz1.s, z2.b, z3.b"},
    {0x44c30441, "udot\tz1.d, z2.h, z3.h"},
    {0x44bb0041, "sdot\tz1.s, z2.b, z3.b[3]"},
    {0x44f30441, "udot\tz1.d, z2.h, z3.h[1]"},
    {0x04a3a841, "adr\tz1.s, [z2.s, z3.s, lsl #2]"},
    {0x04e3a441, "adr\tz1.d, [z2.d, z3.d, lsl #1]"},
    {0x0423ac41, "adr\tz1.d, [z2.d, z3.d, sxtw #3]"},
    {0x0463a041, "adr\tz1.d, [z2.d, z3.d, uxtw]"},
    {0x04c487e1, "asrd\tz1.d, p1/m, z1.d, #1"},
    {0x04609c41, "lsl\tz1.s, z2.s, #0"},
    {0x04188461, "asr\tz1.b, p1/m, z1.b, z3.d"},
    {0x040c0861, "sabd\tz1.b, p2/m, z1.b, z3.b"},
    {0x044d0861, "uabd\tz1.h, p2/m, z1.h, z3.h"},
    {0x04920861, "smulh\tz1.s, p2/m, z1.s, z3.s"},
    {0x04d30861, "umulh\tz1.d, p2/m, z1.d, z3.d"},
    {0x04100861, "mul\tz1.b, p2/m, z1.b, z3.b"},
    {0x04880861, "smax\tz1.s, p2/m, z1.s, z3.s"},
    {0x04cb0861, "umin\tz1.d, p2/m, z1.d, z3.d"},
    {0x2519c441, "pnext\tp1.b, p2, p1.b"},
    {0x25ac8841, "incp\tx1, p2.s"},
    {0x25ad8041, "decp\tz1.s, p2.s"},
    {0x0461fc61, "uqdech\tw1, vl3, mul #2"},
    {0x04e0fbe1, "sqdecd\tx1, w1"},
    {0x25e88841, "sqincp\tx1, p2.d, w1"},
    {0x25e98041, "uqincp\tz1.d, p2.d"},
    {0x05232041, "mov\tz1.b, z2.b[1]"},
    {0x05fc2041, "mov\tz1.s, z2.s[15]"},
    {0x05f82041, "mov\tz1.d, z2.d[7]"},
    {0x05236c41, "uzp2\tz1.b, z2.b, z3.b"},
    {0x05e37041, "trn1\tz1.d, z2.d, z3.d"},
    {0x05f13841, "sunpkhi\tz1.d, z2.s"},
    {0x05234041, "zip1\tp1.b, p2.b, p3.b"},
    {0x0463a841, "adr\tz1.d, [z2.d, z3.d, uxtw #2]"},
    {0x0423a041, "adr\tz1.d, [z2.d, z3.d, sxtw]"},
    {0x04a3a041, "adr\tz1.s, [z2.s, z3.s]"},
    {0x041ba861, "cnot\tz1.b, p2/m, z3.b"},
    {0x05e48861, "revb\tz1.d, p2/m, z3.d"},
    {0x05e78861, "rbit\tz1.d, p2/m, z3.d"},
};
// clang-format on

// Unallocated in FEAT_SVE (llvm-mc: "invalid instruction encoding").
const std::uint32_t kUnallocated[] = {
    0x2500a000, // CMP<cc> (signed immediate) with op:o2 = 11
    0x24c32440, // CMPEQ (wide elements) with .D elements
    0xa41f4000, // LD1B (scalar plus scalar) with Rm = 31
    0xe41f4000, // ST1B (scalar plus scalar) with Rm = 31
    0xe520e000, // ST1W (scalar plus immediate) to .H elements
    0xe5c0e000, // ST1D (scalar plus immediate) to .S elements
    0x0501ffe0, // ORR (immediate) with a reserved bitmask (all ones)
    0x2520e000, // ADD (immediate) .B with LSL #8
    0x2538e000, // DUP (immediate) .B with LSL #8
    0x05102000, // CPY (immediate) .B with LSL #8
    0x04200800, // integer add/subtract vectors, opc = 010
    0x04020000, // integer add/subtract predicated, opc = 010
    0x2522c000, // integer add/subtract immediate, opc = 010
    0x25404210, // predicate logical op=0, S=1, o2:o3 = 11 (no SELS)
    0x25221000, // WHILEGE (SVE2, lt = 0)
    0x0460bc00, // MOVPRFX (unpredicated) with size != 00
    0x04140861, // SDIV .B (divides are .S and .D only)
    0x04008000, // ASR (immediate, predicated) with tsize = 0
    0x04028100, // shift by immediate, predicated, opc = 0010
    0x04d88000, // ASR (wide elements, predicated) .D
    0x04c02000, // SADDV .D
    0x0410a000, // SXTB .B
    0x0494a000, // SXTW .S
    0x05a68000, // REVW .S
    0x05218000, // COMPACT .B
    0x05207800, // ZIP/UZP/TRN (vectors) opc = 11x
    0x05303800, // SUNPKLO .B
    0x05202000, // DUP (indexed) with tsz = 0
    0x25504010, // BRKAS merging
    0x0430c000, // INCB (vector)
    0x04022000, // reduction opc = 00010
    0x05205800, // ZIP/UZP/TRN (predicates) opc = 11
    0x04c3a000, // unary opc = 00011 with bit 20 = 0 (unallocated)
    0x25284400, // SQINCP (scalar) with insn[9] = 1
};

bool isSveRow(const isa::InsnDef* d) {
    for (const isa::InsnDef& row : isa::sveInsns())
        if (&row == d) return true;
    return false;
}

} // namespace

TEST_CASE("SVE: every encoding decodes to an SVE row and disassembles as LLVM does",
          "[isa][sve][disasm]") {
    for (const Sample& s : kSamples) {
        INFO(std::hex << s.word << " " << s.text);
        const isa::InsnDef* d = isa::decode(s.word);
        REQUIRE(d != nullptr);
        CHECK(isSveRow(d));
        CHECK(d->disasm(s.word, 0x1000) == s.text);
    }
}

TEST_CASE("SVE: unallocated encodings are UNDEFINED (EC 0x00)", "[isa][sve][disasm]") {
    IsaHarness h(256);
    for (std::uint32_t w : kUnallocated) {
        INFO(std::hex << w);
        CHECK(isa::decode(w) == nullptr);
        CHECK(isa::disassemble(w, 0) == "<undefined>");
        h.exec(w);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::Uncategorized);
    }
}

TEST_CASE("SVE: every SVE instruction traps with EC 0x19 when CPACR_EL1.ZEN disables SVE",
          "[isa][sve][trap]") {
    for (unsigned vl : {128U, 256U, 512U, 2048U}) {
        IsaHarness h(vl);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // FPEN = 11, ZEN = 00
        fillPattern(h.arch.sve);
        for (unsigned n = 0; n < 31; ++n)
            h.setX(n, IsaHarness::kMemBase + 0x100);
        const Snapshot before = snapshot(h.arch.sve);
        const PState flags = h.p();
        for (const Sample& s : kSamples) {
            INFO(std::hex << s.word << " " << s.text);
            h.exec(s.word);
            REQUIRE(h.cx.faulted());
            CHECK(h.cx.fault->record.type == Exception::SVEAccessTrap);
            CHECK(h.cx.fault->target == EL::EL1);
            CHECK(exceptionClass(h.cx.fault->record.type, EL::EL1, h.cx.fault->target) == 0x19);
            CHECK(h.cx.fault->record.iss == 0);
            CHECK(h.arch.cpu.pc == 0x1000); // not retired
        }
        const Snapshot after = snapshot(h.arch.sve);
        CHECK(after.z == before.z);
        CHECK(after.p == before.p);
        CHECK(after.ffr == before.ffr);
        CHECK(h.p().n == flags.n);
        CHECK(h.p().z == flags.z);
        CHECK(h.p().c == flags.c);
        CHECK(h.p().v == flags.v);
        for (unsigned n = 0; n < 31; ++n)
            CHECK(h.x(n) == IsaHarness::kMemBase + 0x100);
    }
}

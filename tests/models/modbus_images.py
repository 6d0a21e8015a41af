"""A real pymodbus server on 127.0.0.1 serving hand-written holding and input registers.

Register images are given as sparse ``{address: value}`` dicts (what a test writes from a vendor's
document, word by word); contiguous addresses become one register range, so a read that strays
outside what the document lists gets "illegal data address", as from a real device.
"""
from __future__ import annotations

import asyncio
import struct
import threading

__all__ = ["RegisterServer", "runs", "words_f32", "words_u32", "words_str"]


def words_u32(v: int, low_first: bool = False) -> list[int]:
    """Two registers of an unsigned (or two's-complement) 32-bit value."""
    v &= 0xFFFFFFFF
    hi, lo = v >> 16, v & 0xFFFF
    return [lo, hi] if low_first else [hi, lo]


def words_f32(v: float) -> list[int]:
    """Two registers of an IEEE-754 float, high word first."""
    return list(struct.unpack(">HH", struct.pack(">f", v)))


def words_str(text: str, count: int) -> list[int]:
    """``count`` registers of ASCII text, two characters each, NUL-padded."""
    raw = text.encode("ascii")[:2 * count].ljust(2 * count, b"\x00")
    return list(struct.unpack(f">{count}H", raw))


def runs(regs: dict) -> list[tuple[int, list[int]]]:
    """Contiguous ``(start, values)`` runs of a sparse register dict."""
    out: list[tuple[int, list[int]]] = []
    for addr in sorted(regs):
        if out and out[-1][0] + len(out[-1][1]) == addr:
            out[-1][1].append(regs[addr] & 0xFFFF)
        else:
            out.append((addr, [regs[addr] & 0xFFFF]))
    return out


class RegisterServer:
    """pymodbus TCP server (socket or RTU framing) on 127.0.0.1 for one unit id.

    Attributes
    ----------
    reads : list of (function code, address, count)
        Every request answered, in order.
    """

    def __init__(self, holding: dict, inputs: dict, unit: int = 1, framer: str = "socket"):
        self.holding, self.inputs, self.unit, self.framer = holding, inputs, unit, framer
        self.reads: list = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="sim-modbus-images", daemon=True)

    async def _serve(self):
        from pymodbus import FramerType
        from pymodbus.server import ModbusTcpServer
        from pymodbus.simulator import DataType, SimData, SimDevice

        async def action(function_code, start_address, address, count, registers, set_values):
            self.reads.append((function_code, address, count))

        def regs(d):
            return [SimData(start, values=values, datatype=DataType.REGISTERS) for start, values in runs(d)] or \
                [SimData(65000, values=[0], datatype=DataType.REGISTERS)]

        bits = [SimData(0, count=1, values=0, datatype=DataType.BITS)]
        device = SimDevice(id=self.unit, simdata=(bits, list(bits), regs(self.holding), regs(self.inputs)),
                           action=action)
        framer = FramerType.RTU if self.framer == "rtu" else FramerType.SOCKET
        self._server = ModbusTcpServer([device], address=("127.0.0.1", 0), framer=framer)
        await self._server.serve_forever(background=True)
        return self._server.transport.sockets[0].getsockname()[1]

    def __enter__(self):
        self._thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(10)
        return self

    def __exit__(self, *exc):
        async def stop():
            await self._server.shutdown()
        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

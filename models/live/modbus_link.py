"""A thin, blocking Modbus link on pymodbus: read holding or input registers or raise.

Transports: Modbus TCP (``"tcp"``), Modbus RTU frames over a TCP socket (``"rtu-tcp"``: the serial
servers / RS-485 gateways most meters reach a PC through) and Modbus RTU on a local serial port
(``"rtu"``: pyserial; ``host`` is the port, e.g. ``/dev/ttyUSB0`` or ``COM3``).

pymodbus 3.15's synchronous client is used with its own retries switched off: the
poller owns timeouts, retries and back-off, and a failed read surfaces at once as a
:class:`ModbusReadError` naming host, port, unit and address.
"""
from __future__ import annotations

import logging
from typing import Optional

__all__ = ["ModbusReadError", "ModbusLink", "EXCEPTION_CODES", "MAX_REGISTERS", "TRANSPORTS", "parse_serial",
           "FUNCTIONS"]

#: Ways to reach a unit.
TRANSPORTS = ("tcp", "rtu-tcp", "rtu")
#: Read functions: 3 = read holding registers, 4 = read input registers.
FUNCTIONS = (3, 4)

#: Most registers one "read holding registers" request may ask for (Modbus spec).
MAX_REGISTERS = 125

#: Modbus exception codes, for readable errors.
EXCEPTION_CODES = {1: "illegal function", 2: "illegal data address", 3: "illegal data value",
                   4: "server device failure", 5: "acknowledge", 6: "server device busy",
                   10: "gateway path unavailable", 11: "gateway target device failed to respond"}


class ModbusReadError(IOError):
    """A Modbus request failed: no connection, timeout, or an exception response.

    Attributes
    ----------
    exception_code : int or None
        The Modbus exception code when the device answered with one.
    """

    def __init__(self, message: str, exception_code: Optional[int] = None):
        super().__init__(message)
        self.exception_code = exception_code


def parse_serial(text: Optional[str]) -> tuple[int, int, str, int]:
    """``"9600,8,N,1"`` → ``(baudrate, bytesize, parity, stopbits)``; ``None`` → 9600 8N1.

    Raises
    ------
    ValueError
        The text is not BAUD,BITS,PARITY,STOP with a standard value in each place.
    """
    if not text:
        return 9600, 8, "N", 1
    parts = [p.strip() for p in str(text).split(",")]
    try:
        baud, bits, parity, stop = int(parts[0]), int(parts[1]), parts[2].upper(), int(parts[3])
    except (IndexError, ValueError):
        raise ValueError(f"serial: expected BAUD,BITS,PARITY,STOP such as 9600,8,N,1 (got {text!r})") from None
    if len(parts) != 4 or baud not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200) or bits not in (7, 8) \
            or parity not in ("N", "E", "O") or stop not in (1, 2):
        raise ValueError(f"serial: expected BAUD,BITS,PARITY,STOP such as 9600,8,N,1 (got {text!r})")
    return baud, bits, parity, stop


class ModbusLink:
    """Blocking connection to one Modbus unit.

    Parameters
    ----------
    host : str
        Host name or address; for ``transport="rtu"`` the serial port.
    port : int
        TCP port (ignored for ``"rtu"``).
    unit_id : int
        Modbus unit (device) id, 0–247.
    timeout : float
        Connect and response timeout [s].
    transport : {'tcp', 'rtu-tcp', 'rtu'}
    serial : str, optional
        ``"BAUD,BITS,PARITY,STOP"`` for ``"rtu"`` (default 9600,8,N,1).
    """

    def __init__(self, host: str, port: int, unit_id: int = 1, timeout: float = 2.0, transport: str = "tcp",
                 serial: Optional[str] = None):
        if not 0 <= int(unit_id) <= 247:
            raise ValueError(f"unit_id must be within 0–247 (got {unit_id})")
        if not 0 < int(port) < 65536:
            raise ValueError(f"port must be within 1–65535 (got {port})")
        if timeout <= 0:
            raise ValueError(f"timeout must be > 0 s (got {timeout})")
        if transport not in TRANSPORTS:
            raise ValueError(f"transport must be one of {', '.join(TRANSPORTS)} (got {transport!r})")
        self.host, self.port, self.unit_id, self.timeout = host, int(port), int(unit_id), float(timeout)
        self.transport, self.serial = transport, parse_serial(serial)
        self._client = None

    def __str__(self) -> str:
        if self.transport == "rtu":
            return f"{self.host} unit {self.unit_id}"
        via = " (RTU over TCP)" if self.transport == "rtu-tcp" else ""
        return f"{self.host}:{self.port}{via} unit {self.unit_id}"

    @property
    def connected(self) -> bool:
        return self._client is not None and bool(self._client.connected)

    def connect(self) -> None:
        """Open the TCP connection; :class:`ModbusReadError` if it cannot be opened."""
        from pymodbus import FramerType
        from pymodbus.client import ModbusSerialClient, ModbusTcpClient
        self.close()
        common = dict(timeout=self.timeout, retries=0, reconnect_delay=0, reconnect_delay_max=0)
        if self.transport == "rtu":
            baud, bits, parity, stop = self.serial
            client = ModbusSerialClient(self.host, framer=FramerType.RTU, baudrate=baud, bytesize=bits,
                                        parity=parity, stopbits=stop, **common)
        else:
            framer = FramerType.RTU if self.transport == "rtu-tcp" else FramerType.SOCKET
            client = ModbusTcpClient(self.host, port=self.port, framer=framer, **common)
        if not client.connect():
            client.close()
            raise ModbusReadError(f"{self}: cannot connect")
        self._client = client

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.close()
            finally:
                self._client = None

    def read(self, address: int, count: int, function: int = 3) -> list[int]:
        """Read ``count`` holding (function 3) or input (function 4) registers from ``address`` (0-based).

        Raises
        ------
        ModbusReadError
            Not connected, timed out, connection dropped, or an exception response.
        """
        if not 0 < count <= MAX_REGISTERS:
            raise ValueError(f"count must be within 1–{MAX_REGISTERS} (got {count})")
        if function not in FUNCTIONS:
            raise ValueError(f"function must be 3 (holding) or 4 (input registers) (got {function!r})")
        if self._client is None:
            raise ModbusReadError(f"{self}: not connected")
        from pymodbus.exceptions import ModbusException
        try:
            request = (self._client.read_holding_registers if function == 3 else self._client.read_input_registers)
            response = request(address, count=count, device_id=self.unit_id)
        except ModbusException as exc:
            self.close()
            raise ModbusReadError(f"{self}: reading {count} registers at {address}: {exc}") from exc
        except OSError as exc:
            self.close()
            raise ModbusReadError(f"{self}: reading {count} registers at {address}: {exc}") from exc
        if response.isError():
            code = getattr(response, "exception_code", None)
            text = EXCEPTION_CODES.get(code, "error response")
            raise ModbusReadError(f"{self}: reading {count} registers at {address}: exception {code} ({text})",
                                  exception_code=code)
        regs = list(response.registers)
        if len(regs) < count:
            raise ModbusReadError(f"{self}: asked for {count} registers at {address}, got {len(regs)}")
        return regs[:count]


def quiet_pymodbus(level: int = logging.CRITICAL) -> None:
    """Silence pymodbus's own logging (it logs every failed request as an error)."""
    logging.getLogger("pymodbus").setLevel(level)

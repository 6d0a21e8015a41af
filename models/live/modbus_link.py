"""A thin, blocking Modbus/TCP link on pymodbus: read holding registers or raise.

pymodbus 3.15's synchronous client is used with its own retries switched off: the
poller owns timeouts, retries and back-off, and a failed read surfaces at once as a
:class:`ModbusReadError` naming host, port, unit and address.
"""
from __future__ import annotations

import logging
from typing import Optional

__all__ = ["ModbusReadError", "ModbusLink", "EXCEPTION_CODES", "MAX_REGISTERS"]

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


class ModbusLink:
    """Blocking connection to one Modbus/TCP unit.

    Parameters
    ----------
    host : str
    port : int
    unit_id : int
        Modbus unit (device) id, 0–247.
    timeout : float
        Connect and response timeout [s].
    """

    def __init__(self, host: str, port: int, unit_id: int = 1, timeout: float = 2.0):
        if not 0 <= int(unit_id) <= 247:
            raise ValueError(f"unit_id must be within 0–247 (got {unit_id})")
        if not 0 < int(port) < 65536:
            raise ValueError(f"port must be within 1–65535 (got {port})")
        if timeout <= 0:
            raise ValueError(f"timeout must be > 0 s (got {timeout})")
        self.host, self.port, self.unit_id, self.timeout = host, int(port), int(unit_id), float(timeout)
        self._client = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port} unit {self.unit_id}"

    @property
    def connected(self) -> bool:
        return self._client is not None and bool(self._client.connected)

    def connect(self) -> None:
        """Open the TCP connection; :class:`ModbusReadError` if it cannot be opened."""
        from pymodbus.client import ModbusTcpClient
        self.close()
        client = ModbusTcpClient(self.host, port=self.port, timeout=self.timeout, retries=0,
                                 reconnect_delay=0, reconnect_delay_max=0)
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

    def read(self, address: int, count: int) -> list[int]:
        """Read ``count`` holding registers (function 3) starting at ``address`` (0-based).

        Raises
        ------
        ModbusReadError
            Not connected, timed out, connection dropped, or an exception response.
        """
        if not 0 < count <= MAX_REGISTERS:
            raise ValueError(f"count must be within 1–{MAX_REGISTERS} (got {count})")
        if self._client is None:
            raise ModbusReadError(f"{self}: not connected")
        from pymodbus.exceptions import ModbusException
        try:
            response = self._client.read_holding_registers(address, count=count, device_id=self.unit_id)
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

from pyscript import display
order.append("second (src)")
display("from src file")
